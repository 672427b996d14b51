package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All stored data: events in storage order, and per {@link Scope} a {@link Space} (identity graph,
 * dedup set, unattributed events). Confined to the indexer thread, which is what makes "events,
 * then alias" always back-attribute: both are applied in the order they were accepted.
 */
final class Store {

  private final Map<Scope, Space> spaces = new HashMap<>();
  // One instance per distinct event name and identity hint list: millions of stored events mostly
  // repeat a few of each, and sharing them keeps a long benchmark's heap (and GC) small.
  private final Map<Object, Object> canonical = new HashMap<>();
  private final List<StoredRecord> records = new ArrayList<>();
  private final StoredCounter counter;
  private final EntitlementLedger ledger = new EntitlementLedger(this::space);
  private long sequence;

  Store(StoredCounter counter) {
    this.counter = counter;
  }

  /**
   * Stores the events whose {@code eventId} this scope has not stored yet, each attributed by the
   * identity graph (or to no customer); counts the rest as duplicates.
   */
  void ingest(Scope scope, List<IncomingEvent> events, String idempotencyKey, Instant receivedAt) {
    Space space = space(scope);
    int stored = 0;
    for (IncomingEvent event : events) {
      if (!space.firstSighting(event.eventId())) {
        continue;
      }
      List<IdentityHint> identities = canonical(event.identities());
      Optional<IdentityGraph.Attribution> attribution =
          space.graph().attribute(identities, receivedAt);
      StoredRecord record =
          new StoredRecord(
              sequence++,
              scope,
              event.eventId(),
              canonical(event.name()),
              event.timestamp(),
              identities,
              attribution.map(IdentityGraph.Attribution::decidedBy).orElse(null),
              event.properties(),
              receivedAt,
              idempotencyKey);
      records.add(record);
      attribution.ifPresentOrElse(
          found -> found.customer().record(record), () -> space.recordUnattributed(record));
      stored++;
    }
    counter.add(stored, events.size() - stored);
  }

  /**
   * Links the identifiers to one customer and records what is known about the person; a refused
   * alias is noted on the customer whose user it would have added a second one to.
   */
  IdentityGraph.LinkResult alias(
      Scope scope,
      List<IdentityHint> identifiers,
      String email,
      Map<String, Object> traits,
      Instant now) {
    IdentityGraph.LinkResult result = space(scope).graph().link(identifiers, now);
    if (result instanceof IdentityGraph.Linked linked) {
      linked.customer().describe(email, traits);
    } else if (result instanceof IdentityGraph.Conflict conflict) {
      conflict
          .customer()
          .recordRefusedAlias(
              new RefusedAlias(now, identifiers.get(0).value(), conflict.identifier()));
    }
    return result;
  }

  /**
   * Erases the customer the first known of {@code hints} (in precedence order) belongs to: its
   * events, identifiers, entitlements, refused aliases and audit entries. Its events' ids stay in
   * the dedup set, so a late retry of a batch sent before the erasure cannot bring them back.
   *
   * @return the erased customer's id; empty when no hint matched anything
   */
  Optional<String> forget(Scope scope, List<IdentityHint> hints, Instant now) {
    Space space = space(scope);
    Optional<Customer> found = space.graph().firstKnown(hints);
    found.ifPresent(
        customer -> {
          Set<StoredRecord> erased = Collections.newSetFromMap(new IdentityHashMap<>());
          erased.addAll(customer.events());
          records.removeIf(erased::contains);
          counter.remove(erased.size());
          space.erase(customer, IdentityGraph.customerIds(customer.identifiers()), now);
        });
    return found.map(Customer::id);
  }

  List<ErasedCustomer> erased(Scope scope) {
    return space(scope).erased();
  }

  /** The entitlements, grants, revokes and audit entries of every scope. */
  EntitlementLedger entitlements() {
    return ledger;
  }

  List<StoredEvent> events() {
    List<StoredEvent> events = new ArrayList<>(records.size());
    for (StoredRecord record : records) {
      String customerId =
          record.attributedBy() == null
              ? null
              : space(record.scope()).graph().customerOf(record.attributedBy()).id();
      events.add(record.toStoredEvent(customerId));
    }
    return events;
  }

  /** The latest {@code max} events of {@code scope} that belong to no customer, oldest first. */
  List<StoredEvent> unattributed(Scope scope, int max) {
    List<StoredRecord> all = space(scope).unattributed();
    return all.subList(Math.max(0, all.size() - max), all.size()).stream()
        .map(record -> record.toStoredEvent(null))
        .toList();
  }

  int unattributedCount(Scope scope) {
    return space(scope).unattributed().size();
  }

  Optional<CustomerSnapshot> customer(Scope scope, String anyIdentifier, int maxEvents) {
    return space(scope).graph().find(anyIdentifier).map(customer -> customer.snapshot(maxEvents));
  }

  /** The customer of the first of {@code hints} the graph knows, creating nothing. */
  Optional<CustomerSnapshot> known(Scope scope, List<IdentityHint> hints) {
    return space(scope).graph().firstKnown(hints).map(customer -> customer.snapshot(0));
  }

  /** Customers by most recent activity first. */
  List<CustomerSnapshot> recentCustomers(Scope scope, int maxCustomers, int maxEventsEach) {
    return space(scope).graph().customers().stream()
        .sorted(Comparator.comparing(Customer::lastActivity).reversed())
        .limit(maxCustomers)
        .map(customer -> customer.snapshot(maxEventsEach))
        .toList();
  }

  int customerCount(Scope scope) {
    return space(scope).graph().customers().size();
  }

  int eventCount(Scope scope) {
    return space(scope).eventCount();
  }

  void clear() {
    spaces.clear();
    records.clear();
    canonical.clear();
    sequence = 0;
    counter.reset();
  }

  @SuppressWarnings("unchecked")
  private <T> T canonical(T value) {
    return (T) canonical.computeIfAbsent(value, v -> v);
  }

  private Space space(Scope scope) {
    return spaces.computeIfAbsent(scope, s -> new Space());
  }
}
