package com.crossdeck.benchmarks.jmh;

import com.crossdeck.benchmarks.report.Column;
import com.crossdeck.benchmarks.report.Measurement;
import com.crossdeck.benchmarks.report.Table;
import com.crossdeck.benchmarks.sdk.Sdk;
import com.crossdeck.benchmarks.sink.BlackHole;
import com.crossdeck.benchmarks.sink.RawSink;
import com.crossdeck.benchmarks.sink.SinkPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks programmatically, one fork per benchmark per round, all benchmarks in
 * every round (so rounds interleave the SDKs like the end-to-end harness does), with JMH's GC
 * profiler. The sink and the black hole run here, in the host JVM, so the forks measure only the
 * SDK.
 */
public final class HotPath {

  /**
   * The forks' flags, identical for every SDK; the heap is large because some peers' queues are
   * unbounded.
   */
  public static final List<String> FORK_JVM_FLAGS =
      List.of("-Xms4g", "-Xmx4g", "-XX:+UseG1GC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

  /** Warm-up and measurement iterations, each of {@link #ITERATION_SECONDS}. */
  public static final int WARMUP_ITERATIONS = 2;

  /** Measurement iterations per fork. */
  public static final int MEASUREMENT_ITERATIONS = 3;

  /** Length of each iteration. */
  public static final int ITERATION_SECONDS = 1;

  static final String SCENARIO = "hot";
  static final String ENCODER_SCENARIO = "encode";

  private static final Column ONE = Column.count("oneThread", "track() calls/s, 1 thread");
  private static final Column TWO = Column.count("twoThreads", "2 threads");
  private static final Column ONE_BYTES = Column.count("oneThreadBytes", "bytes/event, 1 thread");
  private static final Column TWO_BYTES = Column.count("twoThreadsBytes", "bytes/event, 2 threads");
  private static final Column HUNG = Column.count("unreachable", "calls/s, hung server");
  private static final Column HUNG_BYTES =
      Column.count("unreachableBytes", "bytes/event, hung server");
  private static final Column BUILD = Column.count("buildEvent", "build Event ops/s");
  private static final Column BUILD_BYTES = Column.count("buildEventBytes", "build bytes/op");
  private static final Column ENCODE = Column.count("encode", "encode ops/s");
  private static final Column ENCODE_BYTES = Column.count("encodeBytes", "encode bytes/op");

  private HotPath() {}

  /** The hot-path table. */
  public static Table table() {
    return new Table(
        SCENARIO,
        "hot: the cost of track() to the calling thread",
        String.format(
            """
            JMH 1.37, one fork per round, %d × %d s warm-up and %d × %d s measurement per fork, \
            fork flags `%s`. Each call builds the typical event (name, one user id, 5 properties: \
            string, int, double, boolean, Instant) the way an application does with that SDK and \
            hands it over; the SDK delivers to the raw sink in the background. *calls/s* is JMH's \
            throughput (all threads together). *bytes/event* is JMH's `gc.alloc.rate.norm`: bytes \
            allocated by **all threads of the fork** (caller, sender, HTTP client) per call, so \
            background delivery is included (JMH reads per-thread allocation counters, so threads \
            that died during an iteration are missed). *hung server*: the same call at 1 thread \
            while the server accepts connections and never answers.""",
            WARMUP_ITERATIONS,
            ITERATION_SECONDS,
            MEASUREMENT_ITERATIONS,
            ITERATION_SECONDS,
            String.join(" ", FORK_JVM_FLAGS)),
        List.of(ONE, TWO, ONE_BYTES, TWO_BYTES, HUNG, HUNG_BYTES));
  }

  /** The table of Crossdeck's building and serialization costs. */
  public static Table encoderTable() {
    return new Table(
        ENCODER_SCENARIO,
        "encode: Crossdeck's track() taken apart (1 thread, no I/O)",
        """
        `build Event`: `Event.builder(...)…build()` for the typical event. `encode`: \
        `EventEncoder.Encoding.encodeForQueue` of a built event into the queued bytes. Same JMH \
        settings as above.""",
        List.of(BUILD, BUILD_BYTES, ENCODE, ENCODE_BYTES));
  }

  /** Runs {@code rounds} rounds of every benchmark, for the given SDKs. */
  public static List<Measurement> run(int rounds, RawSink sink, List<Sdk> sdks)
      throws RunnerException {
    List<Measurement> results = new ArrayList<>();
    try (BlackHole blackHole = BlackHole.start()) {
      for (int round = 1; round <= rounds; round++) {
        sink.arm(SinkPlan.healthy(Long.MAX_VALUE));
        List<String> flags = new ArrayList<>(FORK_JVM_FLAGS);
        flags.add("-D" + Clients.SINK + "=" + sink.root());
        flags.add("-D" + Clients.BLACK_HOLE + "=" + blackHole.root());
        flags.add("-Djmh.shutdownTimeout=2");
        flags.add("-Djmh.shutdownTimeout.step=1");
        Collection<RunResult> runs =
            new Runner(
                    new OptionsBuilder()
                        .include("com\\.crossdeck\\.benchmarks\\.jmh\\..*Benchmark\\..*")
                        .param("sdk", sdks.stream().map(Sdk::id).toArray(String[]::new))
                        .forks(1)
                        .warmupIterations(WARMUP_ITERATIONS)
                        .warmupTime(TimeValue.seconds(ITERATION_SECONDS))
                        .measurementIterations(MEASUREMENT_ITERATIONS)
                        .measurementTime(TimeValue.seconds(ITERATION_SECONDS))
                        .jvmArgs(flags.toArray(String[]::new))
                        .addProfiler(GCProfiler.class)
                        .verbosity(VerboseMode.NORMAL)
                        .shouldFailOnError(true)
                        .build())
                .run();
        results.addAll(measurements(runs, round));
      }
    } catch (java.io.IOException e) {
      throw new RunnerException(e);
    }
    return results;
  }

  private static List<Measurement> measurements(Collection<RunResult> runs, int round) {
    Map<Sdk, Map<String, Double>> hot = new HashMap<>();
    Map<String, Double> encoder = new HashMap<>();
    for (RunResult run : runs) {
      String benchmark = run.getParams().getBenchmark();
      String key =
          benchmark.contains(UnreachableServerBenchmark.class.getSimpleName())
              ? HUNG.key()
              : benchmark.substring(benchmark.lastIndexOf('.') + 1);
      double score = run.getPrimaryResult().getScore();
      double bytes = allocationPerOp(run);
      String sdk = run.getParams().getParam("sdk");
      Map<String, Double> target =
          sdk == null ? encoder : hot.computeIfAbsent(Sdk.of(sdk), s -> new HashMap<>());
      target.put(key, score);
      target.put(key + "Bytes", bytes);
    }
    List<Measurement> measurements = new ArrayList<>();
    hot.forEach((sdk, values) -> measurements.add(new Measurement(SCENARIO, sdk, round, values)));
    if (!encoder.isEmpty()) {
      measurements.add(new Measurement(ENCODER_SCENARIO, Sdk.CROSSDECK, round, encoder));
    }
    return measurements;
  }

  private static double allocationPerOp(RunResult run) {
    for (Map.Entry<String, Result> entry : run.getSecondaryResults().entrySet()) {
      if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
        return entry.getValue().getScore();
      }
    }
    return Double.NaN;
  }
}
