package com.crossdeck.emulator.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * A token bucket: {@code ratePerSecond} tokens flow in continuously, up to {@code capacity}; it
 * starts full. Time is passed in (nanoseconds on any fixed scale) so tests can freeze or advance
 * it.
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final double ratePerSecond;
  private final double capacity;
  private double tokens;
  private long lastRefillNanos;

  TokenBucket(int ratePerSecond, int capacity, long nowNanos) {
    this.ratePerSecond = ratePerSecond;
    this.capacity = capacity;
    this.tokens = capacity;
    this.lastRefillNanos = nowNanos;
  }

  /**
   * Takes {@code count} tokens if they are all there; otherwise takes none and returns how long
   * until they will be.
   */
  synchronized Optional<Duration> tryTake(int count, long nowNanos) {
    // A clock that steps backwards (NTP) must not drain the bucket.
    long elapsed = Math.max(0, nowNanos - lastRefillNanos);
    tokens = Math.min(capacity, tokens + elapsed / NANOS_PER_SECOND * ratePerSecond);
    lastRefillNanos = Math.max(lastRefillNanos, nowNanos);
    if (tokens >= count) {
      tokens -= count;
      return Optional.empty();
    }
    double seconds = (count - tokens) / ratePerSecond;
    return Optional.of(Duration.ofNanos((long) Math.ceil(seconds * NANOS_PER_SECOND)));
  }
}
