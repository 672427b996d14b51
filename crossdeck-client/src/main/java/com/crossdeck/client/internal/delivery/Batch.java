package com.crossdeck.client.internal.delivery;

import java.util.List;

/**
 * Encoded events sent together under one idempotency key. The key is minted once and reused on
 * every retry of the same events, so a batch whose response was lost is stored only once; a batch
 * whose events change (split, or one event removed) gets a new key.
 *
 * @param events the encoded events, oldest first
 * @param idempotencyKey the {@code Idempotency-Key} for every attempt of this batch
 */
public record Batch(List<byte[]> events, String idempotencyKey) {

  /** The number of events. */
  public int size() {
    return events.size();
  }
}
