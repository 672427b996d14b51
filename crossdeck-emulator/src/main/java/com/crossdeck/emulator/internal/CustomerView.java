package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.AuditEntry;
import java.time.Instant;
import java.util.List;

/**
 * What the read side shows of one customer: the customer, the audit entries of its entitlement
 * changes (which live beside the identity graph, not on the customer), and the time it was read at,
 * which decides whether an entitlement has expired.
 */
record CustomerView(CustomerSnapshot customer, List<AuditEntry> audit, Instant readAt) {

  /** Reads a customer's view from the store; call it on the indexer thread. */
  static CustomerView of(Store store, Scope scope, CustomerSnapshot customer, Instant readAt) {
    return new CustomerView(customer, store.entitlements().auditOf(scope, customer), readAt);
  }
}
