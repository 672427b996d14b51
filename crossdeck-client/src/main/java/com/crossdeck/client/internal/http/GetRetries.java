package com.crossdeck.client.internal.http;

import com.crossdeck.client.CrossdeckClock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a GET with the contract's read retries (§d.7): up to {@value #MAX_ATTEMPTS} attempts,
 * repeated after a transport failure or a 408, 500, 502, 503 or 504 (not 429 or 501). Between
 * attempts it waits the server's {@code Retry-After} when one was sent, otherwise a full-jitter
 * delay below {@code min(2000, 50 × 2^(attempt − 1))} ms. POSTs are never retried here: a lost
 * grant or erasure must not be applied twice. The wait follows the client's clock, so tests advance
 * it instead of sleeping. Thread-safe.
 */
public final class GetRetries {

  /** Attempts per call, the first included. */
  public static final int MAX_ATTEMPTS = 3;

  private static final long JITTER_BASE_MILLIS = 50;
  private static final long JITTER_CAP_MILLIS = 2000;

  private final ApiClient api;
  private final CrossdeckClock clock;

  /** Retries the GETs of {@code api}, waiting on {@code clock}. */
  public GetRetries(ApiClient api, CrossdeckClock clock) {
    this.api = api;
    this.clock = clock;
  }

  /**
   * Sends {@code GET path} until it succeeds, fails for good or runs out of attempts; never throws.
   * An interrupted caller gets the last outcome at once, its interrupt kept.
   */
  public ApiOutcome get(String path) {
    for (int attempt = 1; ; attempt++) {
      ApiOutcome outcome = api.get(path);
      if (attempt >= MAX_ATTEMPTS
          || !(outcome instanceof ApiOutcome.Retryable retryable)
          || !isRetriedForReads(retryable.error().status())) {
        return outcome;
      }
      Duration asked = retryable.error().retryAfter().orElse(Duration.ZERO);
      long waitMillis = asked.toMillis() > 0 ? asked.toMillis() : jitter(attempt);
      if (!await(clock.nanoTime() + waitMillis * 1_000_000)) {
        return outcome;
      }
    }
  }

  /** Transport failures (no status), 408 and the 5xx a proxy or a restart produce. */
  static boolean isRetriedForReads(int status) {
    return status == 0
        || status == 408
        || status == 500
        || status == 502
        || status == 503
        || status == 504;
  }

  private static long jitter(int attempt) {
    long ceiling = Math.min(JITTER_CAP_MILLIS, JITTER_BASE_MILLIS << (attempt - 1));
    return (long) (ceiling * ThreadLocalRandom.current().nextDouble());
  }

  /** Waits until {@code deadline}; false if the thread was interrupted. */
  private boolean await(long deadline) {
    while (clock.nanoTime() < deadline) {
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
      clock.awaitUntil(deadline);
    }
    return true;
  }
}
