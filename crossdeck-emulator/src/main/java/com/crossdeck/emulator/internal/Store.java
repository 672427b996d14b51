package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All stored data: events in storage order, and per {@link Scope} the {@code eventId} dedup set and
 * the identity graph. Confined to the indexer thread, which is what makes "events, then alias"
 * always back-attribute: both are applied in the order they were accepted.
 */
final class Store {

  private final Map<Scope, Space> spaces = new HashMap<>();
  // One instance per distinct event name and identity hint: millions of stored events mostly
  // repeat a few of each, and sharing them keeps a long benchmark's heap (and GC) small.
  private final Map<Object, Object> canonical = new HashMap<>();
  private final List<StoredRecord> records = new ArrayList<>();
  private final StoredCounter counter;
  private long sequence;

  private record Space(IdentityGraph graph, Set<String> eventIds) {}

  Store(StoredCounter counter) {
    this.counter = counter;
  }

  /** Stores the events whose {@code eventId} this scope has not stored yet; counts the rest. */
  void ingest(Scope scope, List<IncomingEvent> events, String idempotencyKey, Instant receivedAt) {
    Space space = space(scope);
    int stored = 0;
    for (IncomingEvent event : events) {
      if (space.eventIds().add(event.eventId())) {
        StoredRecord record =
            new StoredRecord(
                sequence++,
                scope,
                event.eventId(),
                canonical(event.name()),
                event.timestamp(),
                canonical(event.identity()),
                event.properties(),
                receivedAt,
                idempotencyKey);
        records.add(record);
        space.graph().resolve(record.identity(), receivedAt).record(record);
        stored++;
      }
    }
    counter.add(stored, events.size() - stored);
  }

  /**
   * Links the identifiers to one customer, records what is known about the person, returns its id.
   */
  String alias(
      Scope scope,
      List<IdentityHint> identifiers,
      String email,
      Map<String, Object> traits,
      Instant now) {
    Customer customer = space(scope).graph().link(identifiers, now);
    customer.describe(email, traits);
    return customer.id();
  }

  List<StoredEvent> events() {
    List<StoredEvent> events = new ArrayList<>(records.size());
    for (StoredRecord record : records) {
      Customer customer = space(record.scope()).graph().customerOf(record.identity());
      events.add(record.toStoredEvent(customer.id()));
    }
    return events;
  }

  Optional<CustomerSnapshot> customer(Scope scope, String anyIdentifier, int maxEvents) {
    return space(scope).graph().find(anyIdentifier).map(customer -> customer.snapshot(maxEvents));
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
    return space(scope).eventIds().size();
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
    return spaces.computeIfAbsent(scope, s -> new Space(new IdentityGraph(), new HashSet<>()));
  }
}
