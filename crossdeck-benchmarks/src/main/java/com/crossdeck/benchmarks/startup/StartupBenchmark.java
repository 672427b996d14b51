package com.crossdeck.benchmarks.startup;

import com.crossdeck.benchmarks.BenchmarkMain;
import com.crossdeck.benchmarks.e2e.ChildProcess;
import com.crossdeck.benchmarks.sdk.Sdk;
import com.crossdeck.benchmarks.sink.RawSink;
import com.crossdeck.benchmarks.sink.SinkPlan;
import com.crossdeck.benchmarks.sink.SinkStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code startup}: what starting an SDK costs an application, every run in a fresh JVM.
 *
 * <ul>
 *   <li>Each SDK: the time its client takes to build (the calling thread's cost), and the time from
 *       just before building to the sink receiving a first event tracked and flushed right away.
 *   <li>A minimal Spring Boot MVC app (one controller, the actuator; module {@code startup-app})
 *       with and without the Crossdeck starter: the JVM's uptime when the app is ready, and its
 *       resident memory then. The starter has a key and points at a closed local port: no network.
 *   <li>One more start with Spring's {@code BufferingApplicationStartup}: the Crossdeck beans'
 *       creation times (each including what the bean needs).
 * </ul>
 *
 * Runs interleave (every round runs everything, starting with a different SDK or variant), and
 * tables show medians with the range.
 */
public final class StartupBenchmark {

  /** The flags of every child JVM. */
  public static final List<String> JVM_FLAGS =
      List.of("-Xmx512m", "-XX:+UseG1GC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

  private static final List<String> APP_ARGS =
      List.of(
          "--server.port=0",
          "--crossdeck.secret-key=cd_sk_test_startup",
          "--crossdeck.base-url=http://127.0.0.1:9/v1",
          "--spring.main.banner-mode=off",
          "--logging.level.root=warn");

  private final int runs;
  private final Path app;
  private final Path logs;

  /**
   * @param runs fresh JVMs per SDK and per app variant
   * @param app the {@code startup-app} module's directory, packaged
   * @param logs where children's stderr goes
   */
  public StartupBenchmark(int runs, Path app, Path logs) {
    this.runs = runs;
    this.app = app;
    this.logs = logs;
  }

  /** Runs everything and returns the Markdown tables. */
  public String run() throws IOException, InterruptedException {
    Files.createDirectories(logs);
    Map<Sdk, List<double[]>> sdkRuns = new LinkedHashMap<>();
    Map<String, List<double[]>> appRuns = new LinkedHashMap<>();
    List<String> variants = List.of("without", "with");
    Sdk[] sdks = Sdk.values();
    try (RawSink sink = RawSink.start()) {
      for (int round = 0; round < runs; round++) {
        for (int i = 0; i < sdks.length; i++) {
          Sdk sdk = sdks[(i + round) % sdks.length];
          sdkRuns.computeIfAbsent(sdk, s -> new ArrayList<>()).add(runSdk(sdk, sink, round));
        }
        for (int i = 0; i < variants.size(); i++) {
          String variant = variants.get((i + round) % variants.size());
          appRuns.computeIfAbsent(variant, v -> new ArrayList<>()).add(runApp(variant, false));
        }
      }
    }
    List<String> beans = profileStarter();
    return render(sdkRuns, appRuns, beans);
  }

  /** One SDK child: {construction ms, first delivered event ms}. */
  private double[] runSdk(Sdk sdk, RawSink sink, int round)
      throws IOException, InterruptedException {
    sink.arm(SinkPlan.healthy(1));
    List<String> command = java(System.getProperty("java.class.path"));
    command.add(BenchmarkMain.class.getName());
    command.addAll(
        List.of("startup-child", sdk.id(), sink.root(), sink.root() + RawSink.START_PATH));
    Path log = logs.resolve("startup-" + sdk.id() + "-" + round + ".log");
    try (ChildProcess child = ChildProcess.start(command, log)) {
      String built = child.await(StartupChild.BUILT, Duration.ofSeconds(60));
      double constructionMillis =
          Long.parseLong(built.substring(StartupChild.BUILT.length())) / 1e6;
      sink.awaitUnique(1, Duration.ofSeconds(30));
      SinkStats stats = sink.stats();
      child.stop();
      child.awaitExit(Duration.ofSeconds(30));
      System.err.printf(
          "startup %-16s build %.1f ms, first event %.0f ms%n",
          sdk.id(), constructionMillis, stats.fullDeliveryMillis());
      return new double[] {constructionMillis, stats.fullDeliveryMillis()};
    }
  }

  /** One app start: {JVM uptime at ready ms, resident MB}. */
  private double[] runApp(String variant, boolean profile)
      throws IOException, InterruptedException {
    List<String> command = java(appClassPath(variant));
    if (profile) {
      command.add(1, "-Dstartup.profile=true");
    }
    command.add("com.crossdeck.benchmarks.startup.app.MinimalApp");
    command.addAll(APP_ARGS);
    Path log = logs.resolve("startup-app-" + variant + ".log");
    try (ChildProcess child = ChildProcess.start(command, log)) {
      String[] ready = child.await("READY ", Duration.ofSeconds(120)).split(" ");
      child.awaitExit(Duration.ofSeconds(30));
      double uptime = Double.parseDouble(ready[1]);
      double residentMb = Double.parseDouble(ready[2]) / 1024;
      System.err.printf(
          "startup app %-8s ready after %.0f ms, RSS %.0f MB%n", variant, uptime, residentMb);
      return new double[] {uptime, residentMb};
    }
  }

  /** The Crossdeck beans' creation times from one profiled start. */
  private List<String> profileStarter() throws IOException, InterruptedException {
    List<String> command = java(appClassPath("with"));
    command.add(1, "-Dstartup.profile=true");
    command.add("com.crossdeck.benchmarks.startup.app.MinimalApp");
    command.addAll(APP_ARGS);
    Path log = logs.resolve("startup-app-profile.log");
    try (ChildProcess child = ChildProcess.start(command, log)) {
      // The app prints its beans, then READY, then exits.
      child.await("READY ", Duration.ofSeconds(120));
      child.awaitExit(Duration.ofSeconds(30));
      return child.linesStartingWith("BEAN ").stream()
          .limit(6)
          .map(line -> line.substring("BEAN ".length()))
          .toList();
    }
  }

  private String appClassPath(String variant) throws IOException {
    Path classes = app.resolve("target/classes");
    Path lib = app.resolve("target/lib").resolve(variant);
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException(
          lib + " is missing: package the startup app first (see the module's README)");
    }
    try (Stream<Path> jars = Files.list(lib)) {
      return Stream.concat(Stream.of(classes), jars.sorted())
          .map(Path::toString)
          .collect(Collectors.joining(java.io.File.pathSeparator));
    }
  }

  private static List<String> java(String classPath) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(JVM_FLAGS);
    command.add("-cp");
    command.add(classPath);
    return command;
  }

  private String render(
      Map<Sdk, List<double[]>> sdkRuns, Map<String, List<double[]>> appRuns, List<String> beans) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "### startup: building each SDK, and a Spring Boot app with and without the starter%n%n"
                + "%d fresh JVMs per row (flags `%s`), interleaved; medians, range in brackets.%n%n",
            runs,
            String.join(" ", JVM_FLAGS)));
    out.append("| SDK | build() ms | first event delivered ms |\n| --- | ---: | ---: |\n");
    sdkRuns.forEach(
        (sdk, values) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %s | %s |%n",
                    sdk.label(),
                    summary(values, 0, 1),
                    summary(values, 1, 0))));
    out.append(
        "\n| minimal Boot app (one controller, actuator) | ready after ms (JVM uptime) |"
            + " resident MB |\n| --- | ---: | ---: |\n");
    appRuns.forEach(
        (variant, values) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "| %s the Crossdeck starter | %s | %s |%n",
                    variant,
                    summary(values, 0, 0),
                    summary(values, 1, 0))));
    double without = median(appRuns.get("without"), 0);
    double with = median(appRuns.get("with"), 0);
    out.append(
        String.format(
            Locale.ROOT,
            "%nThe starter adds %+.0f ms (%+.1f %%) to the median startup, %+.0f MB to the resident"
                + " set.%n",
            with - without,
            100 * (with - without) / without,
            median(appRuns.get("with"), 1) - median(appRuns.get("without"), 1)));
    out.append("\nCrossdeck beans by creation time in one profiled start (ms, bean):\n\n");
    beans.forEach(bean -> out.append("- ").append(bean).append('\n'));
    return out.toString();
  }

  private static String summary(List<double[]> values, int index, int decimals) {
    double[] sorted = values.stream().mapToDouble(v -> v[index]).sorted().toArray();
    String format = "%,." + decimals + "f";
    return String.format(Locale.ROOT, format, median(values, index))
        + " ["
        + String.format(Locale.ROOT, format, sorted[0])
        + "–"
        + String.format(Locale.ROOT, format, sorted[sorted.length - 1])
        + "]";
  }

  private static double median(List<double[]> values, int index) {
    double[] sorted = values.stream().mapToDouble(v -> v[index]).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
