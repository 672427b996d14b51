package com.crossdeck.emulator.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-project ingest rate limit: a batch of n events needs n tokens of its project's {@link
 * TokenBucket}; without them the request is 429 {@code rate_limited} with {@code Retry-After} in
 * whole seconds (rounded up, at least 1) and nothing is stored.
 */
final class RateLimiter {

  private final RateLimit limit;
  private final Clock clock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(RateLimit limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** Takes the tokens for {@code events} or throws the 429. */
  void acquire(String projectId, int events) {
    if (!limit.enabled()) {
      return;
    }
    long now = nanos(clock.instant());
    TokenBucket bucket =
        buckets.computeIfAbsent(
            projectId, id -> new TokenBucket(limit.eventsPerSecond(), limit.burst(), now));
    Optional<Duration> wait = bucket.tryTake(events, now);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toNanos() + 999_999_999L) / 1_000_000_000L);
      throw new ApiException(
          ApiError.of(
                  429,
                  "rate_limited",
                  "Rate limit of "
                      + limit.eventsPerSecond()
                      + " events/s exceeded; retry after "
                      + seconds
                      + " s.")
              .withHeader("Retry-After", Long.toString(seconds)));
    }
  }

  void reset() {
    buckets.clear();
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
