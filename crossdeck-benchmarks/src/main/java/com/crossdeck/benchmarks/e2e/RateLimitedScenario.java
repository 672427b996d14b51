package com.crossdeck.benchmarks.e2e;

import com.crossdeck.benchmarks.child.ChildReport;
import com.crossdeck.benchmarks.child.ChildRun;
import com.crossdeck.benchmarks.child.Sizes;
import com.crossdeck.benchmarks.report.Column;
import com.crossdeck.benchmarks.report.Table;
import com.crossdeck.benchmarks.sdk.Sdk;
import com.crossdeck.benchmarks.sink.RawSink;
import com.crossdeck.benchmarks.sink.SinkPlan;
import com.crossdeck.benchmarks.sink.SinkStats;
import java.util.List;
import java.util.Map;

/**
 * {@code rate-limited}: a 1,000 events/s token bucket (bursts of 2,000) answered with 429 and
 * {@code Retry-After}, while N events arrive at once. Crossdeck runs against the emulator's own
 * rate limit; the peers against the raw sink's bucket with the same rule.
 */
final class RateLimitedScenario implements Scenario {

  /** The emulator's default ingest rate limit. */
  static final int EVENTS_PER_SECOND = 1_000;

  private static final Column LIMITED = Column.count("limited", "429s answered");
  private static final Column CHECKS = Column.count("retryAfterChecks", "requests after a 429");
  private static final Column VIOLATIONS =
      Column.count("retryAfterViolations", "…of which before Retry-After");
  private static final Column FULL = Column.time("fullSeconds", "full delivery s");

  @Override
  public String name() {
    return "rate-limited";
  }

  @Override
  public Table table() {
    return new Table(
        name(),
        "rate-limited: 1,000 events/s limit, 10,000 events at once",
        """
        One thread tracks 10,000 events at once; the application keeps running until all are \
        stored or 20 s passed. The server allows 1,000 events/s with bursts of 2,000 (a token \
        bucket; a request of n events needs n tokens) and answers 429 with `Retry-After` in whole \
        seconds, rounded up, at least 1, storing nothing. Crossdeck runs against the emulator's \
        limiter, the peers against the raw sink's identical bucket. *requests after a 429* are \
        checked against the server's clock: *…before Retry-After* counts requests that arrived \
        sooner than the time the 429 advertised (for the emulator, from the 429's request time, \
        which can only make the check more lenient by its sub-millisecond processing time).""",
        List.of(
            Metrics.ACCEPTED,
            Metrics.DELIVERED,
            Metrics.LOST,
            Metrics.DUPLICATES,
            FULL,
            LIMITED,
            CHECKS,
            VIOLATIONS,
            Metrics.REQUESTS));
  }

  @Override
  public Target target(Sdk sdk, RawSink sink, Sizes sizes) {
    if (sdk.isCrossdeck()) {
      return new EmulatorTarget(EVENTS_PER_SECOND, sizes.rateLimitedEvents(), emulator -> {});
    }
    return new SinkTarget(
        sink,
        SinkPlan.rateLimited(EVENTS_PER_SECOND, 2 * EVENTS_PER_SECOND, sizes.rateLimitedEvents()));
  }

  @Override
  public void runChild(ChildRun run) throws Exception {
    run.begin();
    run.trackFast(run.sizes().rateLimitedEvents());
    run.hold();
    run.finish(false);
  }

  @Override
  public ChildReport drive(ChildProcess child, Target target, Sizes sizes)
      throws InterruptedException {
    return Holding.untilStored(
        child, target, sizes.rateLimitedEvents(), sizes.rateLimitedHoldMillis());
  }

  @Override
  public Map<String, Double> measure(ChildReport report, SinkStats stats, Sizes sizes) {
    return Metrics.delivery(report, stats)
        .put(FULL, Metrics.seconds(stats.fullDeliveryMillis()))
        .put(LIMITED, stats.rateLimited())
        .put(CHECKS, stats.retryAfterChecks())
        .put(VIOLATIONS, stats.retryAfterViolations())
        .values();
  }
}
