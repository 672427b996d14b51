package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.AuditEntry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data of one project and environment: its identity graph, the {@code eventId}s it stored
 * (deduplication), the events that belong to no customer, the audit entries of manual entitlement
 * changes, and what is left of erased customers. Confined to the indexer thread.
 */
final class Space {

  /** Erased customers listed on the timeline page; older ones are forgotten. */
  static final int MAX_ERASED = 100;

  private final IdentityGraph graph = new IdentityGraph();
  private final Set<String> eventIds = new HashSet<>();
  private final List<StoredRecord> unattributed = new ArrayList<>();
  private final Map<String, AuditEntry> audit = new LinkedHashMap<>();
  private final Deque<ErasedCustomer> erased = new ArrayDeque<>();

  IdentityGraph graph() {
    return graph;
  }

  /** Adds {@code eventId}; false when this space stored it before. */
  boolean firstSighting(String eventId) {
    return eventIds.add(eventId);
  }

  int eventCount() {
    return eventIds.size();
  }

  void recordUnattributed(StoredRecord record) {
    unattributed.add(record);
  }

  /** Events whose only hint was a customer id the emulator never issued, oldest first. */
  List<StoredRecord> unattributed() {
    return unattributed;
  }

  void recordAudit(AuditEntry entry) {
    audit.put(entry.eventId(), entry);
  }

  Optional<AuditEntry> audit(String eventId) {
    return Optional.ofNullable(audit.get(eventId));
  }

  /** Every audit entry, oldest first. */
  List<AuditEntry> audit() {
    return List.copyOf(audit.values());
  }

  /** The audit entries of a customer known by any of {@code customerIds}, oldest first. */
  List<AuditEntry> auditOf(Set<String> customerIds) {
    return audit.values().stream()
        .filter(entry -> customerIds.contains(entry.customerId()))
        .toList();
  }

  /** Removes an erased customer's events, audit entries and identifiers; keeps a tombstone. */
  void erase(Customer customer, Set<String> customerIds, Instant now) {
    graph.erase(customer);
    audit.values().removeIf(entry -> customerIds.contains(entry.customerId()));
    erased.addLast(
        new ErasedCustomer(
            customer.id(), now, customer.events().size(), customer.entitlements().all().size()));
    if (erased.size() > MAX_ERASED) {
      erased.removeFirst();
    }
  }

  /** The latest erased customers, oldest first. */
  List<ErasedCustomer> erased() {
    return List.copyOf(erased);
  }
}
