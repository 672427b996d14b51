package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A customer of the identity graph: one {@code cdcust_…} id, every identifier linked to it, the
 * events recorded for those identifiers, what {@code identify} told about the person, its
 * entitlements, and the aliases that were refused because they would have added a second user.
 * Mutable and confined to the indexer thread.
 */
final class Customer {

  /** Refused aliases kept per customer; older ones are forgotten. */
  static final int MAX_REFUSED_ALIASES = 20;

  private final String id;
  private final long creationOrder;
  private final Instant createdAt;
  private final Set<IdentityHint> identifiers = new LinkedHashSet<>();
  private final List<StoredRecord> events = new ArrayList<>();
  private final List<String> mergedFrom = new ArrayList<>();
  private final Map<String, Object> traits = new LinkedHashMap<>();
  private final List<RefusedAlias> refusedAliases = new ArrayList<>();
  private final EntitlementBook entitlements = new EntitlementBook();
  private String email;
  private Instant lastActivity;

  Customer(String id, long creationOrder, Instant createdAt) {
    this.id = id;
    this.creationOrder = creationOrder;
    this.createdAt = createdAt;
    this.lastActivity = createdAt;
  }

  String id() {
    return id;
  }

  /** Lower means created earlier; decides which customer survives a merge. */
  long creationOrder() {
    return creationOrder;
  }

  Set<IdentityHint> identifiers() {
    return identifiers;
  }

  /** The developer user ids among its identifiers: at most one, unless the graph was bypassed. */
  List<String> developerUserIds() {
    return identifiers.stream()
        .filter(identifier -> identifier.type() == IdentityHint.Type.DEVELOPER_USER_ID)
        .map(IdentityHint::value)
        .toList();
  }

  EntitlementBook entitlements() {
    return entitlements;
  }

  /** Its events, in the order they were stored. */
  List<StoredRecord> events() {
    return events;
  }

  void recordRefusedAlias(RefusedAlias refused) {
    refusedAliases.add(refused);
    if (refusedAliases.size() > MAX_REFUSED_ALIASES) {
      refusedAliases.remove(0);
    }
  }

  void record(StoredRecord event) {
    events.add(event);
    touch(event.receivedAt());
  }

  void touch(Instant at) {
    if (at.isAfter(lastActivity)) {
      lastActivity = at;
    }
  }

  void describe(String email, Map<String, Object> traits) {
    if (email != null) {
      this.email = email;
    }
    this.traits.putAll(traits);
  }

  /**
   * Takes over everything of {@code other}: its identifiers, events and merge history. What this
   * customer already knows (email, traits) wins over what the other knew.
   */
  void absorb(Customer other) {
    identifiers.addAll(other.identifiers);
    events.addAll(other.events);
    mergedFrom.add(other.id);
    mergedFrom.addAll(other.mergedFrom);
    other.refusedAliases.forEach(this::recordRefusedAlias);
    entitlements.absorb(other.entitlements);
    other.traits.forEach(traits::putIfAbsent);
    if (email == null) {
      email = other.email;
    }
    touch(other.lastActivity);
  }

  Instant lastActivity() {
    return lastActivity;
  }

  CustomerSnapshot snapshot(int maxEvents) {
    List<StoredRecord> timeline = new ArrayList<>(events);
    timeline.sort(StoredRecord.TIMELINE_ORDER);
    List<StoredRecord> shown =
        timeline.subList(Math.max(0, timeline.size() - maxEvents), timeline.size());
    return new CustomerSnapshot(
        id,
        List.copyOf(identifiers),
        email,
        Collections.unmodifiableMap(new LinkedHashMap<>(traits)),
        List.copyOf(mergedFrom),
        List.copyOf(refusedAliases),
        entitlements.all(),
        createdAt,
        lastActivity,
        events.size(),
        shown.stream().map(record -> record.toStoredEvent(id)).toList());
  }
}
