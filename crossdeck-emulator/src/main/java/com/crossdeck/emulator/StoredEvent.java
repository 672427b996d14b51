package com.crossdeck.emulator;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An event as the emulator stored it: accepted, validated and deduplicated by {@code eventId}.
 *
 * @param eventId the event's id as sent, or the {@code evt_…} id the emulator assigned when the
 *     event had none
 * @param name the event name
 * @param timestamp epoch milliseconds as sent, or the time the batch was received when absent
 * @param identity the one identity hint the event was sent with
 * @param customerId the {@code cdcust_…} customer the hint resolves to at the time this value was
 *     read; after an alias or a merge this is the surviving customer, which is how back-attribution
 *     shows
 * @param properties the event's properties as an immutable tree of maps, lists, strings, numbers,
 *     booleans and nulls (empty when the event had none)
 * @param environment the environment of the key that sent it
 * @param receivedAt when the emulator received the batch
 * @param idempotencyKey the {@code Idempotency-Key} of the request that carried the event, or
 *     {@code null} when the request had none
 */
public record StoredEvent(
    String eventId,
    String name,
    long timestamp,
    IdentityHint identity,
    String customerId,
    Map<String, Object> properties,
    Environment environment,
    Instant receivedAt,
    String idempotencyKey) {

  /** Validates that every component except the idempotency key is present. */
  public StoredEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
