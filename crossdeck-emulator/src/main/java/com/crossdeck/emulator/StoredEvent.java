package com.crossdeck.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An event as the emulator stored it: accepted, validated and deduplicated by {@code eventId}.
 *
 * @param eventId the event's id as sent, or the {@code evt_…} id the emulator assigned when the
 *     event had none
 * @param name the event name
 * @param timestamp epoch milliseconds as sent, or the time the batch was received when absent
 * @param identity the hint that decided the event's customer, by precedence: a {@code
 *     crossdeckCustomerId} the emulator issued, else the {@code developerUserId}, else the {@code
 *     anonymousId}; for an event attributed to no customer, its {@code crossdeckCustomerId}
 * @param identities every hint the event was sent with, in that precedence order (one for the
 *     server SDKs; the web SDK sends all it knows)
 * @param customerId the {@code cdcust_…} customer the event belongs to at the time this value was
 *     read (after an alias or a merge, the surviving customer, which is how back-attribution
 *     shows); {@code null} when its only hint was a {@code crossdeckCustomerId} the emulator never
 *     issued, so it belongs to no customer
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
    List<IdentityHint> identities,
    String customerId,
    Map<String, Object> properties,
    Environment environment,
    Instant receivedAt,
    String idempotencyKey) {

  /** Validates that every component except the customer and idempotency key is present. */
  public StoredEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(identity, "identity");
    identities = List.copyOf(identities);
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
