package com.crossdeck.benchmarks.e2e;

import com.crossdeck.benchmarks.BenchmarkMain;
import com.crossdeck.benchmarks.child.ChildReport;
import com.crossdeck.benchmarks.child.Sizes;
import com.crossdeck.benchmarks.report.Measurement;
import com.crossdeck.benchmarks.sdk.Sdk;
import com.crossdeck.benchmarks.sink.RawSink;
import com.crossdeck.benchmarks.sink.SinkStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every (scenario, SDK) pair in its own child JVM, round after round. Within a round each
 * scenario runs every SDK, starting with a different SDK each round, so no SDK always runs first
 * (or last) after another one warmed the machine. Every child gets the same JVM and flags.
 */
public final class Orchestrator {

  /**
   * The child JVMs' flags, identical for every SDK: a fixed 1 GiB heap (far above any peer's peak,
   * so the heap never constrains an SDK), G1, and warnings-only logging for the SDKs that log
   * through SLF4J.
   */
  public static final List<String> CHILD_JVM_FLAGS =
      List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

  private final Sizes sizes;
  private final int rounds;
  private final RawSink sink;
  private final Path logs;

  /**
   * @param sizes the scenario sizes
   * @param rounds how many times each (scenario, SDK) runs
   * @param sink the raw sink, shared by all runs and re-armed for each
   * @param logs where each child's stderr is kept
   */
  public Orchestrator(Sizes sizes, int rounds, RawSink sink, Path logs) {
    this.sizes = sizes;
    this.rounds = rounds;
    this.sink = sink;
    this.logs = logs;
  }

  /** Runs the scenarios for the SDKs; returns one measurement per (scenario, SDK, round). */
  public List<Measurement> run(List<Scenario> scenarios, List<Sdk> sdks)
      throws IOException, InterruptedException {
    Files.createDirectories(logs);
    List<Measurement> results = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (Scenario scenario : scenarios) {
        for (int i = 0; i < sdks.size(); i++) {
          Sdk sdk = sdks.get((i + round - 1) % sdks.size());
          results.add(runOne(scenario, sdk, round));
        }
      }
    }
    return results;
  }

  private Measurement runOne(Scenario scenario, Sdk sdk, int round)
      throws IOException, InterruptedException {
    Path log = logs.resolve(scenario.name() + "-" + sdk.id() + "-" + round + ".log");
    long start = System.nanoTime();
    Map<String, Double> values;
    try (Target target = scenario.target(sdk, sink, sizes);
        ChildProcess child = ChildProcess.start(command(sdk, scenario, target), log)) {
      ChildReport report = scenario.drive(child, target, sizes);
      child.awaitExit(Duration.ofMinutes(2));
      target.awaitQuiet();
      SinkStats stats = target.stats(report.startEpochMillis());
      values = scenario.measure(report, stats, sizes);
    } catch (RuntimeException e) {
      System.err.printf(
          "%-13s %-9s round %d FAILED: %s%n", scenario.name(), sdk.id(), round, e.getMessage());
      return new Measurement(scenario.name(), sdk, round, Map.of());
    }
    System.err.printf(
        "%-13s %-9s round %d (%.1f s) %s%n",
        scenario.name(), sdk.id(), round, (System.nanoTime() - start) / 1e9, values);
    return new Measurement(scenario.name(), sdk, round, values);
  }

  private List<String> command(Sdk sdk, Scenario scenario, Target target) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(CHILD_JVM_FLAGS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BenchmarkMain.class.getName());
    command.add("child");
    command.add(sdk.id());
    command.add(scenario.name());
    command.add(target.serverRoot());
    command.add(target.startUrl() == null ? "-" : target.startUrl());
    command.add(sizes.name());
    return command;
  }
}
