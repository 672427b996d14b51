package com.crossdeck.benchmarks.child;

/**
 * The sizes of the end-to-end scenarios: {@link #FULL} for the published tables, {@link #QUICK} for
 * the build's smoke test (harness sanity only, no numbers are read from it).
 *
 * @param burstEvents events enqueued as fast as possible in {@code burst}
 * @param shutdownEvents events enqueued before a close without flush in {@code shutdown}
 * @param outageMillis how long the sink answers 503 in {@code outage}
 * @param outageEvents events tracked during the outage
 * @param outageSpreadMillis over how long those events are tracked
 * @param lostResponseEvents events tracked in {@code lost-response}
 * @param lostResponses requests whose response is lost
 * @param rateLimitedEvents events tracked at once in {@code rate-limited}
 * @param killEventsPerSecond the steady rate of the {@code kill} child
 * @param killAfterMillis when the {@code kill} child receives SIGTERM
 * @param outageHoldMillis the longest the {@code outage} child runs, from its start, before it is
 *     told to close
 * @param rateLimitedHoldMillis the same for {@code rate-limited}
 */
public record Sizes(
    int burstEvents,
    int shutdownEvents,
    long outageMillis,
    int outageEvents,
    long outageSpreadMillis,
    int lostResponseEvents,
    int lostResponses,
    int rateLimitedEvents,
    int killEventsPerSecond,
    long killAfterMillis,
    long outageHoldMillis,
    long rateLimitedHoldMillis) {

  /** The sizes of the scenarios. */
  public static final Sizes FULL =
      new Sizes(
          100_000, 5_000, 3_000, 2_000, 1_000, 2_000, 5, 10_000, 2_000, 3_000, 30_000, 20_000);

  /** Small and short, for the build's smoke test. */
  public static final Sizes QUICK =
      new Sizes(1_000, 300, 300, 100, 100, 100, 1, 2_100, 1_000, 500, 2_000, 2_000);

  /** {@code full} or {@code quick}. */
  public static Sizes of(String name) {
    return switch (name) {
      case "full" -> FULL;
      case "quick" -> QUICK;
      default -> throw new IllegalArgumentException("sizes must be full or quick: " + name);
    };
  }

  /** The name {@link #of} accepts. */
  public String name() {
    return this == QUICK ? "quick" : "full";
  }
}
