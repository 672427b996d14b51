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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code startup}: what starting an SDK costs an application, every run in a fresh JVM.
 *
 * <ul>
 *   <li>Each SDK: the time its client takes to build (the calling thread's cost), and the time from
 *       just before building to the sink receiving a first event tracked and flushed right away.
 *   <li>A minimal Spring Boot MVC app (one controller, the actuator; module {@code startup-app})
 *       without the Crossdeck starter, with only the starter's dependencies, and with the starter
 *       ({@link BootAppStartup}).
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

  private final int runs;
  private final boolean appOnly;
  private final BootAppStartup app;
  private final Path logs;

  /**
   * @param runs fresh JVMs per SDK and per app variant
   * @param appOnly whether to start the Boot app only, without the SDKs
   * @param app the {@code startup-app} module's directory, packaged
   * @param logs where children's stderr goes
   */
  public StartupBenchmark(int runs, boolean appOnly, Path app, Path logs) {
    this.runs = runs;
    this.appOnly = appOnly;
    this.app = new BootAppStartup(app, logs);
    this.logs = logs;
  }

  /** Runs everything and returns the Markdown tables. */
  public String run() throws IOException, InterruptedException {
    Files.createDirectories(logs);
    Map<Sdk, List<double[]>> sdkRuns = new LinkedHashMap<>();
    Map<AppVariant, List<AppStart>> appRuns = new EnumMap<>(AppVariant.class);
    Sdk[] sdks = appOnly ? new Sdk[0] : Sdk.values();
    AppVariant[] variants = AppVariant.values();
    try (RawSink sink = RawSink.start()) {
      for (int round = 0; round < runs; round++) {
        for (int i = 0; i < sdks.length; i++) {
          Sdk sdk = sdks[(i + round) % sdks.length];
          sdkRuns.computeIfAbsent(sdk, s -> new ArrayList<>()).add(runSdk(sdk, sink, round));
        }
        for (int i = 0; i < variants.length; i++) {
          AppVariant variant = variants[(i + round) % variants.length];
          appRuns.computeIfAbsent(variant, v -> new ArrayList<>()).add(app.start(variant, round));
        }
      }
    }
    List<String> beans = app.profileStarter();
    return render(sdkRuns) + BootAppStartup.render(appRuns, beans);
  }

  /** One SDK child: {construction ms, first delivered event ms}. */
  private double[] runSdk(Sdk sdk, RawSink sink, int round)
      throws IOException, InterruptedException {
    sink.arm(SinkPlan.healthy(1));
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(JVM_FLAGS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
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

  private String render(Map<Sdk, List<double[]>> sdkRuns) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "### startup: building each SDK, and a Spring Boot app with and without the starter%n%n"
                + "%d fresh JVMs per row (flags `%s`), interleaved; medians, range in brackets.%n%n",
            runs,
            String.join(" ", JVM_FLAGS)));
    if (!sdkRuns.isEmpty()) {
      out.append("| SDK | build() ms | first event delivered ms |\n| --- | ---: | ---: |\n");
      sdkRuns.forEach(
          (sdk, values) ->
              out.append(
                  String.format(
                      Locale.ROOT,
                      "| %s | %s | %s |%n",
                      sdk.label(),
                      Spread.of(values, v -> v[0]).format(1),
                      Spread.of(values, v -> v[1]).format(0))));
      out.append('\n');
    }
    return out.toString();
  }
}
