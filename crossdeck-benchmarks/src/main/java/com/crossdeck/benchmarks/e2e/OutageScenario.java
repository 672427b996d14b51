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

/** {@code outage}: the sink answers 503 for the first seconds while events arrive. */
final class OutageScenario implements Scenario {

  private static final Column FULL = Column.time("fullSeconds", "full delivery s (from start)");
  private static final Column AFTER = Column.time("afterOutageSeconds", "s after outage end");
  private static final Column UNAVAILABLE = Column.count("unavailable", "503s answered");

  @Override
  public String name() {
    return "outage";
  }

  @Override
  public Table table() {
    return new Table(
        name(),
        "outage: 503 for the first 3 s while 2,000 events arrive over 1 s",
        """
        The sink answers every ingest request 503 for 3 s from the start; meanwhile one thread \
        tracks 2,000 events evenly over 1 s. The application keeps running (no close) until every \
        event arrived or 30 s passed. *full delivery*: from the start to the arrival of the last \
        distinct event ("never" if some never arrived); *s after outage end* subtracts the 3 s. \
        Mixpanel has no retry, so whatever it sends during the outage is lost.""",
        List.of(
            Metrics.ACCEPTED,
            Metrics.DELIVERED,
            Metrics.LOST,
            Metrics.DUPLICATES,
            FULL,
            AFTER,
            UNAVAILABLE,
            Metrics.REQUESTS));
  }

  @Override
  public Target target(Sdk sdk, RawSink sink, Sizes sizes) {
    return new SinkTarget(sink, SinkPlan.outage(sizes.outageMillis(), sizes.outageEvents()));
  }

  @Override
  public void runChild(ChildRun run) throws Exception {
    run.begin();
    run.trackPaced(run.sizes().outageEvents(), run.sizes().outageSpreadMillis());
    run.hold();
    run.finish(false);
  }

  @Override
  public ChildReport drive(ChildProcess child, Target target, Sizes sizes)
      throws InterruptedException {
    return Holding.untilStored(child, target, sizes.outageEvents(), sizes.outageHoldMillis());
  }

  @Override
  public Map<String, Double> measure(ChildReport report, SinkStats stats, Sizes sizes) {
    double full = Metrics.seconds(stats.fullDeliveryMillis());
    return Metrics.delivery(report, stats)
        .put(FULL, full)
        .put(AFTER, full - sizes.outageMillis() / 1000.0)
        .put(UNAVAILABLE, stats.unavailable())
        .values();
  }
}
