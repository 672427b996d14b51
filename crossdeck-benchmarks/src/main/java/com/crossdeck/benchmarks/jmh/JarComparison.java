package com.crossdeck.benchmarks.jmh;

import com.crossdeck.benchmarks.sink.BlackHole;
import com.crossdeck.benchmarks.sink.RawSink;
import com.crossdeck.benchmarks.sink.SinkPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code versus}: Crossdeck's {@code TrackBenchmark} and {@code EncoderBenchmark} from two builds,
 * side by side in one run: an older build's benchmark jar (each build measured with its own client
 * and its own copy of the benchmarks) and this one. Each round runs both jars, the first jar
 * alternating, each in its own JMH process with the same settings as {@link HotPath}, against one
 * sink and one black hole started here.
 */
public final class JarComparison {

  /** The benchmarks compared unless told otherwise. */
  public static final String BENCHMARKS =
      "com\\.crossdeck\\.benchmarks\\.jmh\\.(TrackBenchmark|EncoderBenchmark)\\..*";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path oldJar;
  private final Path newJar;
  private final int rounds;
  private final String benchmarks;

  /**
   * @param oldJar the older build's {@code crossdeck-benchmarks.jar}
   * @param newJar this build's
   * @param rounds how many times each jar runs
   * @param benchmarks a JMH regular expression selecting the benchmarks
   */
  public JarComparison(Path oldJar, Path newJar, int rounds, String benchmarks) {
    this.oldJar = oldJar;
    this.newJar = newJar;
    this.rounds = rounds;
    this.benchmarks = benchmarks;
  }

  /** Runs both jars and returns the Markdown table. */
  public String run() throws IOException, InterruptedException {
    Map<String, Map<String, List<double[]>>> results = new LinkedHashMap<>();
    List<Path> jars = List.of(oldJar, newJar);
    try (RawSink sink = RawSink.start();
        BlackHole blackHole = BlackHole.start()) {
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < jars.size(); i++) {
          Path jar = jars.get((i + round) % jars.size());
          sink.arm(SinkPlan.healthy(Long.MAX_VALUE));
          String label = jar.equals(oldJar) ? "before" : "after";
          Map<String, List<double[]>> byBenchmark =
              results.computeIfAbsent(label, l -> new LinkedHashMap<>());
          runJmh(jar, benchmarks, sink, blackHole, label + "-" + round)
              .forEach(
                  (benchmark, value) ->
                      byBenchmark.computeIfAbsent(benchmark, b -> new ArrayList<>()).add(value));
        }
      }
    }
    return render(results);
  }

  /** One JMH process: benchmark name → {score, bytes per operation}. */
  private static Map<String, double[]> runJmh(
      Path jar, String benchmarks, RawSink sink, BlackHole blackHole, String name)
      throws IOException, InterruptedException {
    Path json = Files.createTempFile("crossdeck-versus-" + name, ".json");
    List<String> flags = new ArrayList<>(HotPath.FORK_JVM_FLAGS);
    flags.add("-D" + Clients.SINK + "=" + sink.root());
    flags.add("-D" + Clients.BLACK_HOLE + "=" + blackHole.root());
    List<String> command =
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-cp",
            jar.toString(),
            "org.openjdk.jmh.Main",
            benchmarks,
            "-p",
            "sdk=crossdeck",
            "-f",
            "1",
            "-wi",
            String.valueOf(HotPath.WARMUP_ITERATIONS),
            "-w",
            HotPath.ITERATION_SECONDS + "s",
            "-i",
            String.valueOf(HotPath.MEASUREMENT_ITERATIONS),
            "-r",
            HotPath.ITERATION_SECONDS + "s",
            "-prof",
            "gc",
            "-rf",
            "json",
            "-rff",
            json.toString(),
            "-jvmArgs",
            String.join(" ", flags));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("JMH failed for " + jar);
    }
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (JsonNode run : JSON.readTree(json.toFile())) {
      String benchmark = run.get("benchmark").asText();
      String shortName =
          benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      JsonNode allocation = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
      if (allocation.isMissingNode()) {
        allocation = run.path("secondaryMetrics").path("·gc.alloc.rate.norm");
      }
      scores.put(
          shortName,
          new double[] {
            run.path("primaryMetric").path("score").asDouble(), allocation.path("score").asDouble()
          });
    }
    Files.delete(json);
    System.err.printf("versus %s %s%n", name, scores.keySet());
    return scores;
  }

  private String render(Map<String, Map<String, List<double[]>>> results) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "### versus: the same benchmarks from the build before and this one%n%n"
                + "before: `%s`; after: `%s`. %d round(s) each, alternating which runs first;"
                + " medians, range in brackets. JMH settings as in the hot-path table.%n%n",
            oldJar.getFileName(),
            newJar.getFileName(),
            rounds));
    out.append(
        "| benchmark | ops/s before | ops/s after | change | B/op before | B/op after |\n"
            + "| --- | ---: | ---: | ---: | ---: | ---: |\n");
    Map<String, List<double[]>> before = results.getOrDefault("before", Map.of());
    Map<String, List<double[]>> after = results.getOrDefault("after", Map.of());
    for (String benchmark : after.keySet()) {
      List<double[]> old = before.getOrDefault(benchmark, List.of());
      List<double[]> now = after.get(benchmark);
      double oldScore = old.isEmpty() ? Double.NaN : median(old, 0);
      double newScore = median(now, 0);
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %+.1f %% | %.0f | %.0f |%n",
              benchmark,
              range(old, 0),
              range(now, 0),
              100 * (newScore - oldScore) / oldScore,
              old.isEmpty() ? Double.NaN : median(old, 1),
              median(now, 1)));
    }
    return out.toString();
  }

  private static String range(List<double[]> values, int index) {
    if (values.isEmpty()) {
      return "—";
    }
    double[] sorted = values.stream().mapToDouble(v -> v[index]).sorted().toArray();
    return String.format(
        Locale.ROOT,
        "%,.0f [%,.0f–%,.0f]",
        median(values, index),
        sorted[0],
        sorted[sorted.length - 1]);
  }

  private static double median(List<double[]> values, int index) {
    double[] sorted = values.stream().mapToDouble(v -> v[index]).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
