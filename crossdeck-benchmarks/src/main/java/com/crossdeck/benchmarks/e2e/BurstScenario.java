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

/** {@code burst}: enqueue N events as fast as possible from one thread, then flush and close. */
final class BurstScenario implements Scenario {

  private static final Column EVENTS_PER_SECOND =
      Column.count("eventsPerSecond", "delivered events/s");
  private static final Column ENQUEUE_RATE = Column.count("enqueuePerSecond", "enqueue calls/s");
  private static final Column PEAK_HEAP = Column.decimal("peakHeapMb", "peak heap MB", 1);
  private static final Column PEAK_LIVE = Column.decimal("peakLiveMb", "peak live heap MB", 1);
  private static final Column CPU = Column.decimal("cpuMicrosPerEvent", "client CPU µs/event", 2);

  @Override
  public String name() {
    return "burst";
  }

  @Override
  public Table table() {
    return new Table(
        name(),
        "burst: 100,000 events from one thread as fast as possible, then flush and close",
        """
        One thread calls `track()` 100,000 times back to back, then flushes and closes the SDK the \
        documented way. *delivered events/s*: distinct events at the sink divided by the time from \
        the first `track()` to the arrival of the last event. *enqueue calls/s*: the `track()` loop \
        alone. *peak heap*: the most heap in use at any moment (sum of heap pools just before each \
        GC, and at the end), from a GC at the start; *peak live heap*: the most still in use right \
        after a GC (what the SDK retained). *client CPU µs/event*: CPU time of the whole child \
        process (caller, SDK threads, GC, JIT) from the first `track()` to the end of `close()`, \
        divided by delivered events; the sink runs in the orchestrator's process.""",
        List.of(
            Metrics.ACCEPTED,
            Metrics.DELIVERED,
            Metrics.LOST,
            Metrics.DUPLICATES,
            EVENTS_PER_SECOND,
            Metrics.REQUESTS,
            PEAK_HEAP,
            PEAK_LIVE,
            CPU,
            ENQUEUE_RATE));
  }

  @Override
  public Target target(Sdk sdk, RawSink sink, Sizes sizes) {
    return new SinkTarget(sink, SinkPlan.healthy(sizes.burstEvents()));
  }

  @Override
  public void runChild(ChildRun run) {
    run.begin();
    run.trackFast(run.sizes().burstEvents());
    run.finish(true);
  }

  @Override
  public Map<String, Double> measure(ChildReport report, SinkStats stats, Sizes sizes) {
    return Metrics.delivery(report, stats)
        .put(EVENTS_PER_SECOND, stats.unique() / Metrics.seconds(stats.lastEventMillis()))
        .put(PEAK_HEAP, report.peakHeapBytes() / 1048576.0)
        .put(PEAK_LIVE, report.peakLiveBytes() / 1048576.0)
        .put(CPU, report.cpuNanos() / 1000.0 / stats.unique())
        .put(ENQUEUE_RATE, report.accepted() / (report.trackNanos() / 1e9))
        .values();
  }
}
