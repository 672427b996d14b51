package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.AuditEntry;
import java.util.List;

/**
 * What the read side shows of one customer: the customer, and the audit entries of its entitlement
 * changes (which live beside the identity graph, not on the customer).
 */
record CustomerView(CustomerSnapshot customer, List<AuditEntry> audit) {

  /** Reads a customer's view from the store; call it on the indexer thread. */
  static CustomerView of(Store store, Scope scope, CustomerSnapshot customer) {
    return new CustomerView(customer, store.entitlements().auditOf(scope, customer));
  }
}
