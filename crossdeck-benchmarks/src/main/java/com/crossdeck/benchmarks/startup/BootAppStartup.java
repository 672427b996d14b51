package com.crossdeck.benchmarks.startup;

import com.crossdeck.benchmarks.e2e.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Starts the minimal Spring Boot app of module {@code startup-app} in fresh JVMs and reports what
 * starting it costs, with and without the Crossdeck starter.
 *
 * <p>Besides the time to ready, each start reports the CPU time of its main thread (which runs the
 * whole startup sequence) and of the process. On a machine shared with other work the time to ready
 * varies with what else runs; CPU time much less, so it tells the starter's own cost from noise.
 */
final class BootAppStartup {

  private static final String MAIN_CLASS = "com.crossdeck.benchmarks.startup.app.MinimalApp";

  /** A key and a base URL on a closed local port: the starter is fully on, with no network. */
  private static final List<String> APP_ARGS =
      List.of(
          "--server.port=0",
          "--crossdeck.secret-key=cd_sk_test_startup",
          "--crossdeck.base-url=http://127.0.0.1:9/v1",
          "--spring.main.banner-mode=off",
          "--logging.level.root=warn");

  private final Path app;
  private final Path logs;

  /**
   * @param app the {@code startup-app} module's directory, packaged
   * @param logs where children's stderr goes
   */
  BootAppStartup(Path app, Path logs) {
    this.app = app;
    this.logs = logs;
  }

  /** Starts the app once in a fresh JVM and returns what it reported when ready. */
  AppStart start(AppVariant variant, int round) throws IOException, InterruptedException {
    Path log = logs.resolve("startup-app-" + variant.name().toLowerCase(Locale.ROOT) + ".log");
    try (ChildProcess child = ChildProcess.start(command(variant, false), log)) {
      AppStart start = AppStart.parse(child.await(AppStart.READY, Duration.ofSeconds(120)));
      child.awaitExit(Duration.ofSeconds(30));
      System.err.printf(
          Locale.ROOT,
          "startup app %-17s round %d: ready after %.0f ms, main CPU %.0f ms, process CPU %.0f ms,"
              + " RSS %.0f MB%n",
          variant,
          round,
          start.readyMillis(),
          start.mainCpuMillis(),
          start.processCpuMillis(),
          start.residentMb());
      return start;
    }
  }

  /**
   * The Crossdeck beans' creation times from one start with Spring's {@code
   * BufferingApplicationStartup}, longest first: {@code <ms> <bean>}, each including what the bean
   * needs.
   */
  List<String> profileStarter() throws IOException, InterruptedException {
    try (ChildProcess child =
        ChildProcess.start(
            command(AppVariant.WITH, true), logs.resolve("startup-app-profile.log"))) {
      // The app prints its beans, then READY, then exits.
      child.await(AppStart.READY, Duration.ofSeconds(120));
      child.awaitExit(Duration.ofSeconds(30));
      return child.linesStartingWith("BEAN ").stream()
          .limit(8)
          .map(line -> line.substring("BEAN ".length()))
          .toList();
    }
  }

  private List<String> command(AppVariant variant, boolean profile) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(StartupBenchmark.JVM_FLAGS);
    if (profile) {
      command.add("-Dstartup.profile=true");
    }
    command.add("-cp");
    command.add(variant.classPath(app));
    command.add(MAIN_CLASS);
    command.addAll(APP_ARGS);
    return command;
  }

  /** The table of every variant's starts, what the starter adds, and the profiled beans. */
  static String render(Map<AppVariant, List<AppStart>> starts, List<String> beans) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| minimal Boot app (one controller, actuator) | ready after ms (JVM uptime)"
            + " | main thread CPU ms | process CPU ms | resident MB |\n"
            + "| --- | ---: | ---: | ---: | ---: |\n");
    starts.forEach(
        (variant, runs) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s |%n",
                    variant.label(),
                    Spread.of(runs, AppStart::readyMillis).format(0),
                    Spread.of(runs, AppStart::mainCpuMillis).format(0),
                    Spread.of(runs, AppStart::processCpuMillis).format(0),
                    Spread.of(runs, AppStart::residentMb).format(0))));
    List<AppStart> without = starts.get(AppVariant.WITHOUT);
    for (AppVariant variant : List.of(AppVariant.WITH, AppVariant.DEPENDENCIES_ONLY)) {
      List<AppStart> with = starts.get(variant);
      if (without == null || with == null) {
        continue;
      }
      out.append(
          String.format(
              Locale.ROOT,
              "%nThe app %s, against without: %s to the median time to ready, %s of main-thread"
                  + " CPU, %s of process CPU, %+.0f MB resident.%n",
              variant.label(),
              added(with, without, AppStart::readyMillis),
              added(with, without, AppStart::mainCpuMillis),
              added(with, without, AppStart::processCpuMillis),
              Spread.of(with, AppStart::residentMb).median()
                  - Spread.of(without, AppStart::residentMb).median()));
    }
    if (!beans.isEmpty()) {
      out.append("\nCrossdeck beans by creation time in one profiled start (ms, bean):\n\n");
      beans.forEach(bean -> out.append("- ").append(bean).append('\n'));
    }
    return out.toString();
  }

  private static String added(
      List<AppStart> with, List<AppStart> without, ToDoubleFunction<AppStart> value) {
    double a = Spread.of(with, value).median();
    double b = Spread.of(without, value).median();
    return String.format(Locale.ROOT, "%+,.0f ms (%+.1f %%)", a - b, 100 * (a - b) / b);
  }
}
