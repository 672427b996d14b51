package com.crossdeck.client.internal.errors;

import com.crossdeck.client.CapturedError;
import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.DropReason;
import com.crossdeck.client.ErrorBeforeSendHook;
import com.crossdeck.client.ErrorContext;
import com.crossdeck.client.IdentityHint;
import com.crossdeck.client.TrackResult;
import com.crossdeck.client.internal.delivery.DeliveryStats;
import com.crossdeck.client.internal.delivery.EventIntake;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code captureError()} and {@code captureMessage()}: turn a throwable or a message into an {@code
 * error.handled} or {@code error.message} event on the normal queue, with the process's tags,
 * context blocks and breadcrumbs. Limited per error site (fingerprint) and per process so an error
 * storm cannot flood the queue or the timeline; then the application's {@link ErrorBeforeSendHook}
 * may change or drop the report. It never throws: a capture that fails is reported as a rejected
 * result. Thread-safe.
 */
public final class ErrorCapture {

  /** The event name of captured errors. */
  public static final String HANDLED = "error.handled";

  /** The event name of captured messages. */
  public static final String MESSAGE = "error.message";

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
  private final EventIntake intake;
  private final DeliveryStats stats;
  private final ErrorScope scope;
  private final BreadcrumbRing breadcrumbs;
  private final ErrorBeforeSendHook hook;
  private final CrossdeckClock clock;

  /**
   * @param classifier tells application frames from library frames
   * @param limiter the per-site and per-process limits
   * @param identityFallback the client's identity fallback, or {@code null}
   * @param intake queues the event
   * @param stats counts refused captures
   * @param scope the process's tags and context blocks
   * @param breadcrumbs the process's breadcrumbs
   * @param hook the application's hook, or {@code null}
   * @param clock the capture time
   */
  public ErrorCapture(
      InAppClassifier classifier,
      ErrorCaptureLimiter limiter,
      Supplier<IdentityHint> identityFallback,
      EventIntake intake,
      DeliveryStats stats,
      ErrorScope scope,
      BreadcrumbRing breadcrumbs,
      ErrorBeforeSendHook hook,
      CrossdeckClock clock) {
    this.classifier = classifier;
    this.limiter = limiter;
    this.identityFallback = identityFallback;
    this.intake = intake;
    this.stats = stats;
    this.scope = scope;
    this.breadcrumbs = breadcrumbs;
    this.hook = hook;
    this.clock = clock;
  }

  /** Creates the limiter with the given limits per fingerprint per minute and per process. */
  public static ErrorCaptureLimiter limiter(
      int perFingerprintPerMinute, int perProcess, LongSupplier nanoTime) {
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
      ErrorReport report = ErrorReport.of(error, classifier);
      Map<String, String> tags = new LinkedHashMap<>(scope.tags());
      tags.putAll(where.tags());
      Map<String, Object> details = new LinkedHashMap<>(scope.contexts());
      if (!report.causes().isEmpty()) {
        details.put("__error_extras", Map.of("cause", report.causes()));
      }
      details.putAll(where.context());
      return send(
          new CapturedError(
              HANDLED,
              where.level(),
              report.errorType(),
              report.message(),
              report.stack(),
              report.frames(),
              ErrorFingerprint.of(error, classifier),
              tags,
              details,
              breadcrumbs.snapshot(),
              now()),
          identityFor(where.identity()));
    } catch (Throwable e) {
      return failed(e);
    }
  }

  /** Captures a message; see {@code CrossdeckServer.captureMessage}. */
  public TrackResult captureMessage(String message, String level) {
    try {
      if (message == null) {
        return refuse("missing_message", "captureMessage was given a null message.");
      }
      return send(
          new CapturedError(
              MESSAGE,
              level == null || level.isBlank() ? "info" : level,
              null,
              message,
              null,
              List.of(),
              ErrorFingerprint.ofMessage(message),
              scope.tags(),
              scope.contexts(),
              breadcrumbs.snapshot(),
              now()),
          identityFor(null));
    } catch (Throwable e) {
      return failed(e);
    }
  }

  private TrackResult send(CapturedError report, IdentityHint identity) {
    ErrorCaptureLimiter.Decision decision = limiter.tryAcquire(report.fingerprint());
    if (!decision.isAccepted()) {
      return refuse(
          "error_" + decision.tag(),
          "Error "
              + report.fingerprint()
              + " was not captured: "
              + decision.tag().replace('_', ' ')
              + ".");
    }
    CapturedError toSend = report;
    if (hook != null) {
      try {
        toSend = hook.beforeSend(report);
      } catch (Throwable e) {
        return intake.dropBeforeQueue(report.kind(), null, DropReason.BEFORE_SEND_FAILED, e);
      }
      if (toSend == null) {
        return intake.dropBeforeQueue(report.kind(), null, DropReason.BEFORE_SEND, null);
      }
    }
    return intake.enqueue(ErrorEvents.toEvent(toSend, identity));
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.currentTimeMillis());
  }

  /** The caller's identity, else the request's (fallback), else this process's anonymous id. */
  private IdentityHint identityFor(IdentityHint given) {
    if (given != null && !given.isBlank()) {
      return given;
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

  private TrackResult failed(Throwable e) {
    log().warn("Crossdeck could not capture an error; the application is unaffected", e);
    return refuse(
        "capture_failed", "The error could not be captured: " + e.getClass().getSimpleName());
  }

  private TrackResult refuse(String code, String message) {
    stats.recordRejected(code);
    return TrackResult.rejected(code, message);
  }
}
