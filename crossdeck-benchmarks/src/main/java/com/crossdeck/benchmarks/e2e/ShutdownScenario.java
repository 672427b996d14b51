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

/** {@code shutdown}: enqueue N events, then close without an explicit flush. */
final class ShutdownScenario implements Scenario {

  private static final Column CLOSE_MILLIS = Column.decimal("closeMillis", "close() ms", 0);

  @Override
  public String name() {
    return "shutdown";
  }

  @Override
  public Table table() {
    return new Table(
        name(),
        "shutdown: 5,000 events, then close without flush",
        """
        One thread tracks 5,000 events and immediately closes the SDK (Segment: `shutdown()`, \
        PostHog: `shutdown()`, Mixpanel: delivering the thread's partial batch, Crossdeck: \
        `close()`), with no explicit flush. *lost* = enqueued − distinct events at the sink; \
        *close() ms*: how long the close call blocked.""",
        List.of(
            Metrics.ACCEPTED,
            Metrics.DELIVERED,
            Metrics.LOST,
            Metrics.DUPLICATES,
            Metrics.REQUESTS,
            CLOSE_MILLIS));
  }

  @Override
  public Target target(Sdk sdk, RawSink sink, Sizes sizes) {
    return new SinkTarget(sink, SinkPlan.healthy(sizes.shutdownEvents()));
  }

  @Override
  public void runChild(ChildRun run) {
    run.begin();
    run.trackFast(run.sizes().shutdownEvents());
    run.finish(false);
  }

  @Override
  public Map<String, Double> measure(ChildReport report, SinkStats stats, Sizes sizes) {
    return Metrics.delivery(report, stats).put(CLOSE_MILLIS, report.closeNanos() / 1e6).values();
  }
}
