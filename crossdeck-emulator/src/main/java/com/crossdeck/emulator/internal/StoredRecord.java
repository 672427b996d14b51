package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.StoredEvent;
import java.time.Instant;
import java.util.Comparator;

/**
 * An event as kept by the store: everything fixed at ingest time. The customer it belongs to is
 * deliberately not part of it, because aliases and merges change that later; it is resolved from
 * {@link #identity()} whenever the event is read.
 *
 * @param sequence storage order across the whole emulator
 * @param properties compact UTF-8 JSON, turned into maps only when read
 */
record StoredRecord(
    long sequence,
    Scope scope,
    String eventId,
    String name,
    long timestamp,
    IdentityHint identity,
    byte[] properties,
    Instant receivedAt,
    String idempotencyKey) {

  /** Timeline order: by the event's timestamp, then by storage order. */
  static final Comparator<StoredRecord> TIMELINE_ORDER =
      Comparator.comparingLong(StoredRecord::timestamp).thenComparingLong(StoredRecord::sequence);

  StoredEvent toStoredEvent(String customerId) {
    return new StoredEvent(
        eventId,
        name,
        timestamp,
        identity,
        customerId,
        Json.toMap(properties),
        scope.environment(),
        receivedAt,
        idempotencyKey);
  }
}
