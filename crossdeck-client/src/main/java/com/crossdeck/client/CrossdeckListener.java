package com.crossdeck.client;

import java.time.Duration;

/**
 * Receives delivery events from a {@link CrossdeckServer}. Every method has an empty default, so
 * implement only what you need.
 *
 * <p>Callbacks run on the SDK's threads (the sender thread, or the thread that called {@code track}
 * for rejections), so they must be quick and must not block. Whatever a listener throws, {@link
 * Error}s included, is caught, counted ({@code Diagnostics.Delivery#listenerFailures()}) and logged
 * once per listener and callback; it never affects delivery or the caller of {@code track}.
 */
public interface CrossdeckListener {

  /** A batch was delivered. */
  default void onFlushSucceeded(FlushSucceeded event) {}

  /** A batch failed with a retryable error and will be retried with the same idempotency key. */
  default void onFlushFailed(FlushFailed event) {}

  /** Accepted events were dropped and will never be delivered. */
  default void onEventsDropped(EventsDropped event) {}

  /** The server rejected a batch permanently; its events were dropped. */
  default void onPermanentFailure(PermanentFailure event) {}

  /** The server no longer accepts this SDK version; sending stopped and events are held. */
  default void onParked(Parked event) {}

  /** {@code track} rejected an event before queueing it. */
  default void onEventRejected(EventRejected event) {}

  /**
   * A delivered batch.
   *
   * @param batchSize the number of events in the batch
   * @param duration how long the request took
   */
  record FlushSucceeded(int batchSize, Duration duration) {}

  /**
   * A failed delivery attempt that will be retried.
   *
   * @param error what went wrong
   * @param attempt the number of consecutive failed attempts, this one included
   * @param nextRetry how long until the next attempt
   */
  record FlushFailed(CrossdeckException error, int attempt, Duration nextRetry) {}

  /**
   * Events dropped for good.
   *
   * @param count how many events
   * @param reason why
   */
  record EventsDropped(long count, DropReason reason) {}

  /**
   * A batch the server rejected permanently.
   *
   * @param status the HTTP status
   * @param code the error code from the response
   * @param droppedCount how many events were dropped
   */
  record PermanentFailure(int status, String code, int droppedCount) {}

  /**
   * The server answered HTTP 426: this SDK version is no longer accepted.
   *
   * @param minVersion the minimum version the server accepts, or {@code null} if it did not say
   */
  record Parked(String minVersion) {}

  /**
   * An event {@code track} refused to queue.
   *
   * @param code the error code, one of {@link ErrorCodes}
   * @param message the reason, naming the field and the limit
   */
  record EventRejected(String code, String message) {}
}
