package com.crossdeck.client.internal.delivery;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.DropReason;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.internal.SdkInfo;
import com.crossdeck.client.internal.http.ApiOutcome;
import com.crossdeck.client.internal.http.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to a batch after an attempt (contract §d.4, with this SDK's refinements),
 * and does the bookkeeping that goes with it: counters, listener callbacks and throttled logs.
 *
 * <ul>
 *   <li>2xx: delivered.
 *   <li>426: park; events are held and sending stops (a newer SDK is required).
 *   <li>400 {@code idempotency_key_in_use}: the key already carried another body (a batch the
 *       outbox relay re-formed after a restart); resend the same events under a new key.
 *   <li>400 naming an event's index: drop that event, resend the rest under a new key.
 *   <li>400 naming no event, and 413: split the batch in two, each half under a new key, until the
 *       offending event stands alone; then drop it ({@code rejected_by_server}, {@code too_large}).
 *       One bad event never costs the others of its batch.
 *   <li>408, 429, 5xx, transport failures: retry the same bytes under the same key after a backoff.
 *   <li>other 4xx: drop the batch; retrying cannot help.
 *   <li>a transport that cannot run: the client cannot deliver anything, and fails.
 * </ul>
 *
 * Used only by the thread that delivers; each delivering thread has its own, since it keeps the
 * backoff state of its sender.
 */
public final class DeliveryOutcomes {

  /**
   * What follows an attempt. The events of the batch that are in no {@link #resend()} batch are
   * resolved: dropped when {@link #rejection()} is set, otherwise delivered.
   *
   * @param resend batches to put back at the front of the line, in order
   * @param delay how long to wait before the next attempt
   * @param clientFailure why the client cannot deliver at all, or {@code null}
   * @param rejection why the events this decision resolved were dropped, or {@code null} when they
   *     were delivered (or none were resolved)
   */
  public record Decision(
      List<Batch> resend, Duration delay, String clientFailure, Rejection rejection) {

    static Decision next(List<Batch> resend, Duration delay) {
      return new Decision(resend, delay, null, null);
    }

    static Decision dropping(List<Batch> resend, Rejection rejection) {
      return new Decision(resend, Duration.ZERO, null, rejection);
    }
  }

  /**
   * Why the server refused events for good.
   *
   * @param reason the drop reason they were counted under
   * @param status the HTTP status
   * @param code the error code of the response
   * @param message the error message of the response
   */
  public record Rejection(DropReason reason, int status, String code, String message) {}

  /**
   * The logger, looked up when something is logged: setting up the logging system costs up to 100
   * ms in a fresh JVM, which {@code build()} must not pay.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(DeliveryOutcomes.class);
  }

  private static final long LOG_INTERVAL = TimeUnit.MINUTES.toNanos(1);

  private final DeliveryStats stats;
  private final Listeners listeners;
  private final RetryPolicy retryPolicy;
  private final RandomGenerator random;
  private final CrossdeckClock clock;
  private final LogThrottle throttle;
  private final LogThrottle once;
  private long failingSinceNanos;

  DeliveryOutcomes(
      DeliveryStats stats,
      Listeners listeners,
      RetryPolicy retryPolicy,
      RandomGenerator random,
      CrossdeckClock clock) {
    this.stats = stats;
    this.listeners = listeners;
    this.retryPolicy = retryPolicy;
    this.random = random;
    this.clock = clock;
    this.throttle = new LogThrottle(clock, LOG_INTERVAL);
    this.once = new LogThrottle(clock, Long.MAX_VALUE);
  }

  /**
   * Classifies an attempt.
   *
   * @param batch the batch that was sent
   * @param outcome what became of the request
   * @param took how long the request took
   * @param newKey mints idempotency keys for batches whose content changes
   */
  Decision decide(Batch batch, ApiOutcome outcome, Duration took, Supplier<String> newKey) {
    if (outcome instanceof ApiOutcome.Success) {
      return delivered(batch, took);
    }
    if (outcome instanceof ApiOutcome.Unavailable unavailable) {
      return new Decision(List.of(batch), Duration.ZERO, unavailable.error().getMessage(), null);
    }
    if (outcome instanceof ApiOutcome.Retryable retryable) {
      return retry(batch, retryable.error());
    }
    CrossdeckException failure = ((ApiOutcome.Rejected) outcome).error();
    int status = failure.status();
    if (status == 426 || ErrorCodes.SDK_VERSION_UNSUPPORTED.equals(failure.code())) {
      return park(batch, failure);
    }
    if (status == 400 && ErrorCodes.IDEMPOTENCY_KEY_IN_USE.equals(failure.code())) {
      return rekey(batch, failure, newKey);
    }
    if (status == 400 && namesAnEventOf(batch, failure)) {
      return batch.size() > 1
          ? dropOneEvent(batch, failure.index().getAsInt(), failure, newKey)
          : drop(batch, failure, DropReason.INVALID_EVENT);
    }
    if (status == 400 || status == 413) {
      DropReason reason = status == 413 ? DropReason.TOO_LARGE : DropReason.REJECTED_BY_SERVER;
      return batch.size() > 1 ? split(batch, failure, newKey) : drop(batch, failure, reason);
    }
    return drop(batch, failure, DropReason.REJECTED_BY_SERVER);
  }

  private static boolean namesAnEventOf(Batch batch, CrossdeckException failure) {
    return failure.index().isPresent()
        && failure.index().getAsInt() >= 0
        && failure.index().getAsInt() < batch.size();
  }

  private Decision delivered(Batch batch, Duration took) {
    int failuresBefore = stats.recordDelivered(batch.size(), clock.currentTimeMillis());
    if (failuresBefore > 0) {
      log()
          .info(
              "Crossdeck delivery recovered after {} failed attempt(s); no events were lost",
              failuresBefore);
    }
    listeners.flushSucceeded(new CrossdeckListener.FlushSucceeded(batch.size(), took));
    return Decision.next(List.of(), Duration.ZERO);
  }

  private Decision park(Batch batch, CrossdeckException failure) {
    String minVersion = failure.minVersion().orElse(null);
    stats.recordParked(minVersion);
    if (once.shouldLog("parked")) {
      log()
          .error(
              "Crossdeck PARKED event delivery: the server no longer accepts {}@{} (minimum version: {})."
                  + " Events are held (in memory up to maxQueueSize, or in the outbox table) until"
                  + " the application is upgraded and restarted.",
              SdkInfo.NAME,
              SdkInfo.version(),
              minVersion == null ? "not given" : minVersion);
    }
    listeners.parked(new CrossdeckListener.Parked(minVersion));
    return Decision.next(List.of(batch), Duration.ZERO);
  }

  private Decision dropOneEvent(
      Batch batch, int index, CrossdeckException failure, Supplier<String> newKey) {
    List<byte[]> rest = new ArrayList<>(batch.events());
    rest.remove(index);
    Rejection rejection = recordPermanentDrop(1, DropReason.INVALID_EVENT, failure);
    if (throttle.shouldLog("invalid_event:" + failure.code())) {
      log()
          .error(
              "Crossdeck rejected one event of a batch (HTTP 400 {}, field {}): {}. That event was"
                  + " dropped; the other {} are being resent.",
              failure.code(),
              failure.param().orElse("unknown"),
              failure.getMessage(),
              rest.size());
    }
    return Decision.dropping(List.of(new Batch(rest, newKey.get())), rejection);
  }

  /**
   * Resends the events of a batch whose key the server had already seen with another body. This SDK
   * mints a fresh key for every new batch, so it happens only to a batch the outbox relay re-formed
   * under its persisted key (the rows were claimed again after a restart, and the envelope changed
   * with an upgrade); the events themselves are fine.
   */
  private Decision rekey(Batch batch, CrossdeckException failure, Supplier<String> newKey) {
    if (throttle.shouldLog("rekey")) {
      log()
          .warn(
              "Crossdeck answered HTTP 400 {} for a batch of {} events: its key was already used"
                  + " for another body. Resending the same events under a new key.",
              failure.code(),
              batch.size());
    }
    return Decision.next(List.of(new Batch(batch.events(), newKey.get())), Duration.ZERO);
  }

  /**
   * Halves a batch the server refused without saying which event was at fault (a 413, or a 400
   * without an index, such as {@code invalid_json} for a number too long for its parser). Each half
   * goes under a new key; halving again where needed isolates the offending event in at most
   * log2(batch size) rounds, while the others are delivered.
   */
  private Decision split(Batch batch, CrossdeckException failure, Supplier<String> newKey) {
    int half = batch.size() / 2;
    List<byte[]> events = batch.events();
    if (throttle.shouldLog("split:" + failure.status())) {
      log()
          .warn(
              "Crossdeck answered HTTP {} {} for a batch of {} events without naming an event;"
                  + " resending it as two smaller batches to isolate the event at fault",
              failure.status(),
              failure.code(),
              batch.size());
    }
    return Decision.next(
        List.of(
            new Batch(new ArrayList<>(events.subList(0, half)), newKey.get()),
            new Batch(new ArrayList<>(events.subList(half, events.size())), newKey.get())),
        Duration.ZERO);
  }

  private Decision drop(Batch batch, CrossdeckException failure, DropReason reason) {
    if (failure.status() == 401) {
      stats.recordKeyRejected();
    }
    Rejection rejection = recordPermanentDrop(batch.size(), reason, failure);
    if (throttle.shouldLog("drop:" + failure.status() + ':' + failure.code())) {
      log()
          .error(
              "Crossdeck rejected a batch of {} event(s) with HTTP {} {}: {}. The events were dropped;"
                  + " retrying cannot succeed.{}",
              batch.size(),
              failure.status(),
              failure.code(),
              failure.getMessage(),
              failure.status() == 401 ? " Check the secret key (crossdeck.secret-key)." : "");
    }
    return Decision.dropping(List.of(), rejection);
  }

  private Rejection recordPermanentDrop(int count, DropReason reason, CrossdeckException failure) {
    stats.recordDropped(reason, count, failure.getMessage());
    listeners.permanentFailure(
        new CrossdeckListener.PermanentFailure(failure.status(), failure.code(), count));
    listeners.eventsDropped(new CrossdeckListener.EventsDropped(count, reason));
    return new Rejection(reason, failure.status(), failure.code(), failure.getMessage());
  }

  private Decision retry(Batch batch, CrossdeckException failure) {
    long now = clock.nanoTime();
    int failuresBefore = stats.consecutiveFailures();
    if (failuresBefore == 0) {
      failingSinceNanos = now;
    }
    Duration wait =
        retryPolicy.delay(
            failuresBefore,
            Duration.ofNanos(now - failingSinceNanos),
            failure.retryAfter().orElse(null),
            random);
    int attempt =
        stats.recordRetryScheduled(
            failure.getMessage(), clock.currentTimeMillis() + wait.toMillis());
    if (throttle.shouldLog("retry")) {
      log()
          .warn(
              "Crossdeck delivery of {} event(s) failed ({}, attempt {}); retrying in {} ms with the same"
                  + " idempotency key. The events are kept until then.",
              batch.size(),
              failure.getMessage(),
              attempt,
              wait.toMillis());
    } else {
      log().debug("Crossdeck delivery attempt {} failed: {}", attempt, failure.getMessage());
    }
    listeners.flushFailed(new CrossdeckListener.FlushFailed(failure, attempt, wait));
    return Decision.next(List.of(batch), wait);
  }

  /** Reports events the queue evicted to stay within its bounds; the queue already counted them. */
  void reportEvictions(int evicted, int maxEvents, long maxBytes) {
    if (evicted == 0) {
      return;
    }
    if (throttle.shouldLog("queue_full")) {
      log()
          .warn(
              "Crossdeck queue is full (maxQueueSize={}, maxQueueBytes={}): dropped the {} oldest"
                  + " event(s). Further drops are counted in crossdeck.events.dropped{{reason=queue_full}}"
                  + " and summarised at most once a minute.",
              maxEvents,
              maxBytes,
              evicted);
    }
    listeners.eventsDropped(new CrossdeckListener.EventsDropped(evicted, DropReason.QUEUE_FULL));
  }

  /** Counts and reports events left undelivered when the sender stopped, for {@code reason}. */
  void reportFinalDrops(long count, DropReason reason) {
    if (count == 0) {
      return;
    }
    stats.recordDropped(reason, count);
    if (reason == DropReason.SHUTDOWN) {
      log()
          .warn(
              "Crossdeck closed with {} event(s) not delivered{}; they were dropped",
              count,
              stats.parked() ? " (delivery was parked)" : " within the shutdown timeout");
    } else {
      log()
          .error(
              "Crossdeck dropped {} event(s) because the client failed: {}",
              count,
              stats.failure());
    }
    listeners.eventsDropped(new CrossdeckListener.EventsDropped(count, reason));
  }
}
