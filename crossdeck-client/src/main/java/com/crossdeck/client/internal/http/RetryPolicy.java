package com.crossdeck.client.internal.http;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter, bounded by how long the failure has lasted, and never
 * sooner than the server's {@code Retry-After}.
 *
 * <p>After the n-th consecutive failure (counting from 0) the wait is uniformly random in {@code
 * [0, ceiling)} with {@code ceiling = min(cap, base * 2^n)}, as in the contract; full jitter
 * spreads the retries of many clients recovering from the same outage. The ceiling is further
 * limited to the time the failures have lasted so far (but at least {@code base}): a client never
 * waits longer than the outage has already gone on. A long outage still backs off to the cap within
 * a few minutes, while a short blip is retried within about as long as it lasted, instead of up to
 * four times as long. {@code Retry-After} always wins when it asks for more.
 */
public final class RetryPolicy {

  /** The defaults of the Crossdeck contract: base 1 s, cap 60 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));

  private final long baseMillis;
  private final long capMillis;
  private final long maxRetryAfterMillis;

  /**
   * @param base the ceiling of the first wait
   * @param cap the largest ceiling
   * @param maxRetryAfter the longest {@code Retry-After} honoured, a guard against absurd values
   */
  public RetryPolicy(Duration base, Duration cap, Duration maxRetryAfter) {
    this.baseMillis = base.toMillis();
    this.capMillis = cap.toMillis();
    this.maxRetryAfterMillis = maxRetryAfter.toMillis();
  }

  /**
   * How long to wait before the next attempt.
   *
   * @param failuresBefore consecutive failures before this one (0 after the first failure)
   * @param failingFor how long ago the first of these consecutive failures happened
   * @param retryAfter the server's {@code Retry-After}, or {@code null}
   * @param random the jitter source
   */
  public Duration delay(
      int failuresBefore, Duration failingFor, Duration retryAfter, RandomGenerator random) {
    long exponential = Math.min(capMillis, baseMillis << Math.min(failuresBefore, 20));
    long ceiling = Math.min(exponential, Math.max(baseMillis, failingFor.toMillis()));
    long jittered = (long) (ceiling * random.nextDouble());
    if (retryAfter != null) {
      long asked = Math.min(maxRetryAfterMillis, retryAfter.toMillis());
      return Duration.ofMillis(Math.max(jittered, asked));
    }
    return Duration.ofMillis(jittered);
  }
}
