package com.crossdeck.emulator.internal;

/**
 * The per-project token bucket: {@code eventsPerSecond} tokens are added every second up to {@code
 * burst}; a batch of n events takes n tokens.
 *
 * @param eventsPerSecond sustained rate; 0 means no rate limit
 * @param burst bucket capacity
 */
public record RateLimit(int eventsPerSecond, int burst) {

  /** No rate limit at all. */
  public static final RateLimit OFF = new RateLimit(0, 0);

  /** The hosted API's documented default: ~1000 events/s sustained, bursts of 2000. */
  public static final RateLimit DEFAULT = new RateLimit(1000, 2000);

  /** Whether requests are limited. */
  public boolean enabled() {
    return eventsPerSecond > 0;
  }
}
