package com.crossdeck.benchmarks;

import com.crossdeck.benchmarks.child.Sizes;
import com.crossdeck.benchmarks.e2e.Orchestrator;
import com.crossdeck.benchmarks.e2e.Scenario;
import com.crossdeck.benchmarks.e2e.Scenarios;
import com.crossdeck.benchmarks.jmh.HotPath;
import com.crossdeck.benchmarks.report.Measurement;
import com.crossdeck.benchmarks.sdk.Sdk;
import com.crossdeck.benchmarks.sink.RawSink;
import com.crossdeck.benchmarks.sink.SinkCapacity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One complete benchmark run: the sink's capacity, the JMH hot path (unless skipped) and every
 * end-to-end scenario for every SDK, all against one sink started here.
 *
 * @param sizes the end-to-end sizes
 * @param rounds rounds of JMH and of the end-to-end scenarios
 * @param hot whether to run the JMH benchmarks
 * @param logs where child JVMs' stderr goes
 * @param sdks the SDKs to run
 * @param scenarios the names of the end-to-end scenarios to run
 */
public record Suite(
    Sizes sizes, int rounds, boolean hot, Path logs, List<Sdk> sdks, List<String> scenarios) {

  /** Every SDK and every scenario. */
  public Suite(Sizes sizes, int rounds, boolean hot, Path logs) {
    this(
        sizes,
        rounds,
        hot,
        logs,
        List.of(Sdk.values()),
        Scenarios.all().stream().map(Scenario::name).toList());
  }

  /**
   * Everything one run produced.
   *
   * @param capacity the sink's capacity, at 20 and 100 events per request
   * @param measurements every (scenario, SDK, round)
   * @param scenarios the end-to-end scenarios, for their tables
   * @param elapsed how long the run took
   */
  public record Outcome(
      List<SinkCapacity.Result> capacity,
      List<Measurement> measurements,
      List<Scenario> scenarios,
      Duration elapsed) {}

  /** Runs it. */
  public Outcome run() throws Exception {
    long start = System.nanoTime();
    List<Scenario> scenarios =
        Scenarios.all().stream().filter(s -> this.scenarios.contains(s.name())).toList();
    try (RawSink sink = RawSink.start()) {
      Duration capacityTime = sizes == Sizes.QUICK ? Duration.ofMillis(250) : Duration.ofSeconds(3);
      List<SinkCapacity.Result> capacity =
          List.of(
              SinkCapacity.measure(sink, 20, capacityTime),
              SinkCapacity.measure(sink, 100, capacityTime));
      List<Measurement> measurements = new ArrayList<>();
      if (hot) {
        measurements.addAll(HotPath.run(rounds, sink, sdks));
      }
      measurements.addAll(new Orchestrator(sizes, rounds, sink, logs).run(scenarios, sdks));
      return new Outcome(
          capacity, measurements, scenarios, Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
