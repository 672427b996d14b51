package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.StoredEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * An event as kept by the store: everything fixed at ingest time. The customer it belongs to is
 * deliberately not part of it, because aliases and merges change that later; it is resolved from
 * {@link #attributedBy()} whenever the event is read.
 *
 * @param sequence storage order across the whole emulator
 * @param identities every hint it was sent with, in precedence order
 * @param attributedBy the hint that decided its customer, or null when it belongs to no customer
 * @param properties compact UTF-8 JSON, turned into maps only when read
 */
record StoredRecord(
    long sequence,
    Scope scope,
    String eventId,
    String name,
    long timestamp,
    List<IdentityHint> identities,
    IdentityHint attributedBy,
    byte[] properties,
    Instant receivedAt,
    String idempotencyKey) {

  /** Timeline order: by the event's timestamp, then by storage order. */
  static final Comparator<StoredRecord> TIMELINE_ORDER =
      Comparator.comparingLong(StoredRecord::timestamp).thenComparingLong(StoredRecord::sequence);

  /** Its public form; {@code customerId} is null for an event that belongs to no customer. */
  StoredEvent toStoredEvent(String customerId) {
    return new StoredEvent(
        eventId,
        name,
        timestamp,
        attributedBy == null ? identities.get(0) : attributedBy,
        identities,
        customerId,
        Json.toMap(properties),
        scope.environment(),
        receivedAt,
        idempotencyKey);
  }
}
