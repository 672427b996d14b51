package com.crossdeck.benchmarks.e2e;

import com.crossdeck.benchmarks.child.ChildReport;
import com.crossdeck.benchmarks.child.ChildRun;
import com.crossdeck.benchmarks.child.Sizes;
import com.crossdeck.benchmarks.report.Table;
import com.crossdeck.benchmarks.sdk.Sdk;
import com.crossdeck.benchmarks.sink.RawSink;
import com.crossdeck.benchmarks.sink.SinkStats;
import java.time.Duration;
import java.util.Map;

/**
 * One end-to-end scenario, both halves: what the child JVM does with its SDK, and how the
 * orchestrator sets up the server, steers the child and turns what happened into metrics. Every SDK
 * runs through the same scenario code; only the {@link Target} may differ where the issue asks for
 * the emulator, and then with the same fault semantics.
 */
public interface Scenario {

  /** The name used on command lines and in results. */
  String name();

  /** How the results are presented. */
  Table table();

  /** The server this SDK delivers to in this scenario, armed with the scenario's faults. */
  Target target(Sdk sdk, RawSink sink, Sizes sizes);

  /** The child's side: runs the workload through {@link ChildRun} and prints the report. */
  void runChild(ChildRun run) throws Exception;

  /** The orchestrator's side while the child runs; returns the child's report. */
  default ChildReport drive(ChildProcess child, Target target, Sizes sizes)
      throws InterruptedException {
    return child.report(Duration.ofMinutes(3));
  }

  /** The metrics of one run, keyed as in {@link #table()}'s columns. */
  Map<String, Double> measure(ChildReport report, SinkStats stats, Sizes sizes);
}
