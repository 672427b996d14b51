package com.crossdeck.client.internal;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.DropReason;
import com.crossdeck.client.ErrorCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to a batch after an attempt (contract §d.4, with the refinements),
 * and does the bookkeeping that goes with it: counters, listener callbacks and throttled logs.
 *
 * <ul>
 *   <li>2xx: delivered.
 *   <li>426: park; events are held and sending stops (a newer SDK is required).
 *   <li>400 naming an event's index: drop that event, resend the rest under a new key.
 *   <li>413: split the batch in two, each half under a new key; a single event is dropped.
 *   <li>408, 429, 5xx, transport failures: retry the same bytes under the same key after a backoff.
 *   <li>other 4xx: drop the batch; retrying cannot help.
 * </ul>
 *
 * Used only by the sender thread.
 */
final class DeliveryOutcomes {

  /** Batches to put back at the front of the line, and how long to wait before the next attempt. */
  record Decision(List<Batch> resend, Duration delay) {}

  private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);
  private static final long LOG_INTERVAL = TimeUnit.MINUTES.toNanos(1);

  private final DeliveryStats stats;
  private final Listeners listeners;
  private final RetryPolicy retryPolicy;
  private final RandomGenerator random;
  private final CrossdeckClock clock;
  private final EventQueue queue;
  private final LogThrottle throttle;
  private final LogThrottle once;
  private long failingSinceNanos;

  DeliveryOutcomes(
      DeliveryStats stats,
      Listeners listeners,
      RetryPolicy retryPolicy,
      RandomGenerator random,
      CrossdeckClock clock,
      EventQueue queue) {
    this.stats = stats;
    this.listeners = listeners;
    this.retryPolicy = retryPolicy;
    this.random = random;
    this.clock = clock;
    this.queue = queue;
    this.throttle = new LogThrottle(clock, LOG_INTERVAL);
    this.once = new LogThrottle(clock, Long.MAX_VALUE);
  }

  /**
   * Classifies an attempt.
   *
   * @param batch the batch that was sent
   * @param failure {@code null} when the server answered 2xx, otherwise what went wrong
   * @param took how long the request took
   * @param newKey mints idempotency keys for batches whose content changes
   */
  Decision decide(Batch batch, CrossdeckException failure, Duration took, Supplier<String> newKey) {
    if (failure == null) {
      return delivered(batch, took);
    }
    int status = failure.status();
    if (status == 426 || ErrorCodes.SDK_VERSION_UNSUPPORTED.equals(failure.code())) {
      return park(batch, failure);
    }
    if (status == 400 && failure.index().isPresent() && batch.size() > 1) {
      int index = failure.index().getAsInt();
      if (index >= 0 && index < batch.size()) {
        return dropOneEvent(batch, index, failure, newKey);
      }
    }
    if (status == 413) {
      return batch.size() > 1 ? split(batch, newKey) : drop(batch, failure, DropReason.TOO_LARGE);
    }
    if (failure.isRetryable()) {
      return retry(batch, failure);
    }
    DropReason reason =
        status == 400 && failure.index().isPresent()
            ? DropReason.INVALID_EVENT
            : DropReason.REJECTED_BY_SERVER;
    return drop(batch, failure, reason);
  }

  private Decision delivered(Batch batch, Duration took) {
    stats.recordSent(batch.size());
    stats.lastFlushAtMillis = clock.currentTimeMillis();
    stats.lastError = null;
    stats.nextRetryAtMillis = 0;
    if (stats.consecutiveFailures > 0) {
      log.info(
          "Crossdeck delivery recovered after {} failed attempt(s); no events were lost",
          stats.consecutiveFailures);
    }
    stats.consecutiveFailures = 0;
    listeners.notify(
        l -> l.onFlushSucceeded(new CrossdeckListener.FlushSucceeded(batch.size(), took)));
    return new Decision(List.of(), Duration.ZERO);
  }

  private Decision park(Batch batch, CrossdeckException failure) {
    stats.parkedMinVersion = failure.minVersion().orElse(null);
    stats.parked = true;
    if (once.shouldLog("parked")) {
      log.error(
          "Crossdeck PARKED event delivery: the server no longer accepts {}@{} (minimum version: {})."
              + " Events are held in memory, up to maxQueueSize, until the application is"
              + " upgraded and restarted.",
          SdkInfo.NAME,
          SdkInfo.VERSION,
          failure.minVersion().orElse("not given"));
    }
    String minVersion = stats.parkedMinVersion;
    listeners.notify(l -> l.onParked(new CrossdeckListener.Parked(minVersion)));
    return new Decision(List.of(batch), Duration.ZERO);
  }

  private Decision dropOneEvent(
      Batch batch, int index, CrossdeckException failure, Supplier<String> newKey) {
    List<byte[]> rest = new ArrayList<>(batch.events());
    rest.remove(index);
    recordDrop(1, DropReason.INVALID_EVENT, failure);
    if (throttle.shouldLog("invalid_event:" + failure.code())) {
      log.error(
          "Crossdeck rejected one event of a batch (HTTP 400 {}, field {}): {}. That event was"
              + " dropped; the other {} are being resent.",
          failure.code(),
          failure.param().orElse("unknown"),
          failure.getMessage(),
          rest.size());
    }
    return new Decision(List.of(new Batch(rest, newKey.get())), Duration.ZERO);
  }

  private Decision split(Batch batch, Supplier<String> newKey) {
    int half = batch.size() / 2;
    List<byte[]> events = batch.events();
    if (throttle.shouldLog("split")) {
      log.warn(
          "Crossdeck answered 413 for a batch of {} events; resending it as two smaller batches",
          batch.size());
    }
    return new Decision(
        List.of(
            new Batch(new ArrayList<>(events.subList(0, half)), newKey.get()),
            new Batch(new ArrayList<>(events.subList(half, events.size())), newKey.get())),
        Duration.ZERO);
  }

  private Decision drop(Batch batch, CrossdeckException failure, DropReason reason) {
    if (failure.status() == 401) {
      stats.recordKeyRejected();
    }
    recordDrop(batch.size(), reason, failure);
    if (throttle.shouldLog("drop:" + failure.status() + ':' + failure.code())) {
      log.error(
          "Crossdeck rejected a batch of {} event(s) with HTTP {} {}: {}. The events were dropped;"
              + " retrying cannot succeed.{}",
          batch.size(),
          failure.status(),
          failure.code(),
          failure.getMessage(),
          failure.status() == 401 ? " Check the secret key (crossdeck.secret-key)." : "");
    }
    return new Decision(List.of(), Duration.ZERO);
  }

  private void recordDrop(int count, DropReason reason, CrossdeckException failure) {
    stats.recordDropped(reason, count);
    stats.lastError = failure.getMessage();
    listeners.notify(
        l -> {
          l.onPermanentFailure(
              new CrossdeckListener.PermanentFailure(failure.status(), failure.code(), count));
          l.onEventsDropped(new CrossdeckListener.EventsDropped(count, reason));
        });
  }

  private Decision retry(Batch batch, CrossdeckException failure) {
    long now = clock.nanoTime();
    int failuresBefore = stats.consecutiveFailures;
    if (failuresBefore == 0) {
      failingSinceNanos = now;
    }
    Duration wait =
        retryPolicy.delay(
            failuresBefore,
            Duration.ofNanos(now - failingSinceNanos),
            failure.retryAfter().orElse(null),
            random);
    int attempt = failuresBefore + 1;
    stats.consecutiveFailures = attempt;
    stats.lastError = failure.getMessage();
    stats.nextRetryAtMillis = clock.currentTimeMillis() + wait.toMillis();
    stats.recordRetry();
    if (throttle.shouldLog("retry")) {
      log.warn(
          "Crossdeck delivery of {} event(s) failed ({}, attempt {}); retrying in {} ms with the same"
              + " idempotency key. Events stay queued in memory.",
          batch.size(),
          failure.getMessage(),
          attempt,
          wait.toMillis());
    } else {
      log.debug("Crossdeck delivery attempt {} failed: {}", attempt, failure.getMessage());
    }
    listeners.notify(
        l -> l.onFlushFailed(new CrossdeckListener.FlushFailed(failure, attempt, wait)));
    return new Decision(List.of(batch), wait);
  }

  /** Counts and reports events the queue evicted to stay within its bounds. */
  void reportEvictions(int evicted) {
    if (evicted == 0) {
      return;
    }
    stats.recordDropped(DropReason.QUEUE_FULL, evicted);
    if (throttle.shouldLog("queue_full")) {
      log.warn(
          "Crossdeck queue is full (maxQueueSize={}, maxQueueBytes={}): dropped the {} oldest"
              + " event(s). Further drops are counted in crossdeck.events.dropped{{reason=queue_full}}"
              + " and summarised at most once a minute.",
          queue.maxEvents(),
          queue.maxBytes(),
          evicted);
    }
    listeners.notify(
        l ->
            l.onEventsDropped(new CrossdeckListener.EventsDropped(evicted, DropReason.QUEUE_FULL)));
  }

  /** Counts and reports events still unsent when the client closed. */
  void reportShutdownDrops(long count) {
    if (count == 0) {
      return;
    }
    stats.recordDropped(DropReason.SHUTDOWN, count);
    log.warn(
        "Crossdeck closed with {} event(s) not delivered{}; they were dropped",
        count,
        stats.parked ? " (delivery was parked)" : " within the shutdown timeout");
    listeners.notify(
        l -> l.onEventsDropped(new CrossdeckListener.EventsDropped(count, DropReason.SHUTDOWN)));
  }
}
