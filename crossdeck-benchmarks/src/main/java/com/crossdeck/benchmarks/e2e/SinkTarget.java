package com.crossdeck.benchmarks.e2e;

import com.crossdeck.benchmarks.sink.RawSink;
import com.crossdeck.benchmarks.sink.SinkPlan;
import com.crossdeck.benchmarks.sink.SinkStats;
import java.time.Duration;

/** The shared raw sink, armed with one run's plan. */
final class SinkTarget implements Target {

  private final RawSink sink;

  SinkTarget(RawSink sink, SinkPlan plan) {
    this.sink = sink;
    sink.arm(plan);
  }

  @Override
  public String serverRoot() {
    return sink.root();
  }

  @Override
  public String startUrl() {
    return sink.root() + RawSink.START_PATH;
  }

  @Override
  public boolean awaitStored(long count, Duration timeout) throws InterruptedException {
    return sink.awaitUnique(count, timeout);
  }

  @Override
  public void awaitQuiet() throws InterruptedException {
    sink.awaitQuiet(Duration.ofMillis(200), Duration.ofSeconds(5));
  }

  @Override
  public SinkStats stats(long startEpochMillis) {
    return sink.stats();
  }

  /** The sink outlives the run; the next run re-arms it. */
  @Override
  public void close() {}
}
