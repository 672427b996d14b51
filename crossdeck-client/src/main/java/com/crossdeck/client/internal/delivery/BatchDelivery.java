package com.crossdeck.client.internal.delivery;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.internal.ApiContract;
import com.crossdeck.client.internal.encoding.Envelope;
import com.crossdeck.client.internal.encoding.JsonWriter;
import com.crossdeck.client.internal.http.ApiClient;
import com.crossdeck.client.internal.http.ApiOutcome;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One attempt at delivering one batch: assembles its body, sends it under the batch's {@code
 * Idempotency-Key} through {@link ApiClient}, and lets {@link DeliveryOutcomes} decide what follows
 * (done, retry after a delay, resend parts, drop, park, or give up on the transport). It knows
 * nothing of where batches come from, so any holder of batches can deliver through it: the sender
 * thread for the in-memory queue, the outbox relay for rows of the database. Not thread-safe: it
 * reuses one body buffer, and its outcomes keep the backoff state of one sender.
 */
public final class BatchDelivery {

  private final ApiClient api;
  private final DeliveryOutcomes outcomes;
  private final CrossdeckClock clock;
  private final JsonWriter body = new JsonWriter(64 * 1024);

  BatchDelivery(ApiClient api, DeliveryOutcomes outcomes, CrossdeckClock clock) {
    this.api = api;
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /**
   * Sends the batch once and decides what follows.
   *
   * @param batch the batch
   * @param envelope the envelope its events are sent in
   * @param newKey mints idempotency keys for batches whose content changes
   */
  public DeliveryOutcomes.Decision attempt(
      Batch batch, Envelope envelope, Supplier<String> newKey) {
    long start = clock.nanoTime();
    ApiOutcome outcome =
        api.post(
            ApiContract.EVENTS_PATH, envelope.body(batch.events(), body), batch.idempotencyKey());
    Duration took = Duration.ofNanos(clock.nanoTime() - start);
    return outcomes.decide(batch, outcome, took, newKey);
  }
}
