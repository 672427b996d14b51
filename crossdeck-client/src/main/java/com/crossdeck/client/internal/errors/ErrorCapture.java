package com.crossdeck.client.internal.errors;

import com.crossdeck.client.ErrorContext;
import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHint;
import com.crossdeck.client.TrackResult;
import com.crossdeck.client.internal.delivery.DeliveryStats;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code captureError()}: turns a throwable into an {@code error.handled} event on the normal
 * queue. Limited per error site (fingerprint) and per process so an error storm cannot flood the
 * queue or the timeline. It never throws: a capture that fails is reported as a rejected result.
 * Thread-safe.
 */
public final class ErrorCapture {

  /** The event name of captured errors. */
  public static final String EVENT_NAME = "error.handled";

  /**
   * The logger, looked up when something is logged: setting up the logging system costs up to 100
   * ms in a fresh JVM, which {@code build()} must not pay.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(ErrorCapture.class);
  }

  private final InAppClassifier classifier;
  private final ErrorCaptureLimiter limiter;
  private final Supplier<IdentityHint> identityFallback;
  private final Function<Event, TrackResult> track;
  private final DeliveryStats stats;

  /**
   * @param classifier tells application frames from library frames
   * @param limiter the per-site and per-process limits
   * @param identityFallback the client's identity fallback, or {@code null}
   * @param track queues the event
   * @param stats counts refused captures
   */
  public ErrorCapture(
      InAppClassifier classifier,
      ErrorCaptureLimiter limiter,
      Supplier<IdentityHint> identityFallback,
      Function<Event, TrackResult> track,
      DeliveryStats stats) {
    this.classifier = classifier;
    this.limiter = limiter;
    this.identityFallback = identityFallback;
    this.track = track;
    this.stats = stats;
  }

  /** Creates the limiter with the given limits per fingerprint per minute and per process. */
  public static ErrorCaptureLimiter limiter(
      int perFingerprintPerMinute, int perProcess, java.util.function.LongSupplier nanoTime) {
    return new ErrorCaptureLimiter(
        perFingerprintPerMinute, Duration.ofMinutes(1), perProcess, nanoTime);
  }

  /** Captures the error; see {@code CrossdeckServer.captureError}. */
  public TrackResult capture(Throwable error, ErrorContext context) {
    try {
      if (error == null) {
        return refuse("missing_error", "captureError was given a null throwable.");
      }
      ErrorContext where = context == null ? ErrorContext.NONE : context;
      String fingerprint = ErrorFingerprint.of(error, classifier);
      ErrorCaptureLimiter.Decision decision = limiter.tryAcquire(fingerprint);
      if (!decision.isAccepted()) {
        return refuse(
            "error_" + decision.tag(),
            "Error "
                + fingerprint
                + " was not captured: "
                + decision.tag().replace('_', ' ')
                + ".");
      }
      Map<String, Object> properties = ErrorReport.of(error, classifier).toProperties();
      properties.put("fingerprint", fingerprint);
      properties.put("level", where.level());
      if (!where.tags().isEmpty()) {
        properties.put("tags", where.tags());
      }
      if (!where.context().isEmpty()) {
        properties.put("context", where.context());
      }
      return track.apply(
          Event.builder(EVENT_NAME)
              .identity(identityFor(where))
              .level(where.level())
              .tags(where.tags())
              .properties(properties)
              .build());
    } catch (Throwable e) {
      log().warn("Crossdeck could not capture an error; the application is unaffected", e);
      return refuse(
          "capture_failed", "The error could not be captured: " + e.getClass().getSimpleName());
    }
  }

  /** The caller's identity, else the request's (fallback), else this process's anonymous id. */
  private IdentityHint identityFor(ErrorContext context) {
    if (context.identity() != null && !context.identity().isBlank()) {
      return context.identity();
    }
    if (identityFallback != null) {
      try {
        IdentityHint fromContext = identityFallback.get();
        if (fromContext != null && !fromContext.isBlank()) {
          return fromContext;
        }
      } catch (Throwable e) {
        log().debug("Crossdeck identityFallback threw while capturing an error", e);
      }
    }
    return IdentityHint.anonymousId(ProcessAnonymousId.get());
  }

  private TrackResult refuse(String code, String message) {
    stats.recordRejected(code);
    return TrackResult.rejected(code, message);
  }
}
