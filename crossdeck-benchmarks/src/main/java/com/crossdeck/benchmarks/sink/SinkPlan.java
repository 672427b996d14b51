package com.crossdeck.benchmarks.sink;

/**
 * How the sink behaves towards ingest requests for one run. Faults apply only to ingest requests,
 * never to heartbeats or control calls, exactly like the emulator's.
 *
 * @param outageMillis answer 503 to every ingest request for this long after the run's start
 * @param dropConnections the first this many ingest requests are read and counted, then the
 *     connection is closed without a response (the emulator's {@code
 *     dropConnectionAfterProcessing})
 * @param eventsPerSecond a token bucket of this many events per second (0 = no limit): a request of
 *     n events needs n tokens, otherwise it is answered 429 with {@code Retry-After} in whole
 *     seconds, rounded up and at least 1, and nothing is counted (the emulator's rule)
 * @param burst the bucket's capacity; it starts full
 * @param expectedEvents the number of distinct events that make delivery complete, for timing it
 */
public record SinkPlan(
    long outageMillis, int dropConnections, int eventsPerSecond, int burst, long expectedEvents) {

  /** A sink that answers everything at once. */
  public static SinkPlan healthy(long expectedEvents) {
    return new SinkPlan(0, 0, 0, 0, expectedEvents);
  }

  /** 503 for the first {@code millis} after the run's start. */
  public static SinkPlan outage(long millis, long expectedEvents) {
    return new SinkPlan(millis, 0, 0, 0, expectedEvents);
  }

  /** The first {@code count} ingest requests are processed and their connection dropped. */
  public static SinkPlan lostResponses(int count, long expectedEvents) {
    return new SinkPlan(0, count, 0, 0, expectedEvents);
  }

  /** A token-bucket rate limit answered with 429 and {@code Retry-After}. */
  public static SinkPlan rateLimited(int eventsPerSecond, int burst, long expectedEvents) {
    return new SinkPlan(0, 0, eventsPerSecond, burst, expectedEvents);
  }
}
