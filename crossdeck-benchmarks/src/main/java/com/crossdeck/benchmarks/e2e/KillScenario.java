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
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code kill}: a child tracks a steady stream and receives SIGTERM. Nobody calls close: what
 * arrives is what the SDK's own shutdown hook (if it has one) delivers.
 */
final class KillScenario implements Scenario {

  private static final Column EXIT = Column.decimal("exitMillis", "SIGTERM → exit ms", 0);

  /** Set by {@link #drive}, read by {@link #measure}, which the orchestrator calls right after. */
  private long exitNanos;

  @Override
  public String name() {
    return "kill";
  }

  @Override
  public Table table() {
    return new Table(
        name(),
        "kill: SIGTERM during a steady 2,000 events/s stream",
        """
        The child tracks 2,000 events/s from one thread; after 3 s the orchestrator sends SIGTERM \
        (`Process.destroy()`). The harness's own shutdown hook stops the tracking loop and reports \
        how many events were accepted; it does not close the SDK. Crossdeck's shutdown hook \
        delivers within its 2 s budget; the peers have no hook, so what they still hold is lost. \
        *SIGTERM → exit ms*: until the process was gone.""",
        List.of(
            Metrics.ACCEPTED,
            Metrics.DELIVERED,
            Metrics.LOST,
            Metrics.DUPLICATES,
            Metrics.REQUESTS,
            EXIT));
  }

  @Override
  public Target target(Sdk sdk, RawSink sink, Sizes sizes) {
    return new SinkTarget(sink, SinkPlan.healthy(Long.MAX_VALUE));
  }

  @Override
  public void runChild(ChildRun run) throws Exception {
    run.begin();
    run.streamUntilTerminated(run.sizes().killEventsPerSecond());
  }

  @Override
  public ChildReport drive(ChildProcess child, Target target, Sizes sizes)
      throws InterruptedException {
    child.await(ChildRun.STARTED, Duration.ofMinutes(1));
    Thread.sleep(sizes.killAfterMillis());
    long signalled = System.nanoTime();
    child.terminate();
    ChildReport report = child.report(Duration.ofSeconds(30));
    child.awaitExit(Duration.ofSeconds(30));
    exitNanos = System.nanoTime() - signalled;
    return report;
  }

  @Override
  public Map<String, Double> measure(ChildReport report, SinkStats stats, Sizes sizes) {
    return Metrics.delivery(report, stats).put(EXIT, exitNanos / 1e6).values();
  }
}
