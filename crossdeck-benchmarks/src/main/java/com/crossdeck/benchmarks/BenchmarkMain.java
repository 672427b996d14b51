package com.crossdeck.benchmarks;

import com.crossdeck.benchmarks.child.ChildRun;
import com.crossdeck.benchmarks.child.Sizes;
import com.crossdeck.benchmarks.e2e.Scenarios;
import com.crossdeck.benchmarks.jmh.JarComparison;
import com.crossdeck.benchmarks.outbox.OutboxBenchmark;
import com.crossdeck.benchmarks.outbox.OutboxTables;
import com.crossdeck.benchmarks.report.ResultsDocument;
import com.crossdeck.benchmarks.sdk.Sdk;
import com.crossdeck.benchmarks.startup.StartupBenchmark;
import com.crossdeck.benchmarks.startup.StartupChild;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code crossdeck-benchmarks.jar}.
 *
 * <pre>
 * all [--rounds N] [--out DIR]   sink capacity, JMH hot path and every end-to-end scenario;
 *                                writes DIR/&lt;date&gt;.md (default crossdeck-benchmarks/results)
 * e2e [--rounds N] [--quick]     sink capacity and the end-to-end scenarios only, printed
 *   both take [--sdks a,b] [--scenarios x,y] to run only some SDKs or scenarios
 * outbox [--rounds N] [--quick]  durable delivery on an embedded PostgreSQL beside the in-memory
 *                                path: relay throughput, cost in a transaction, lag under a burst
 * startup [--runs N] [--app-only]   fresh-JVM startup: every SDK's build() and first
 *                                delivered event, a Spring Boot app with and without the starter
 *                                (default 5 runs); --app-only starts the Boot app only
 * versus OLD_JAR [--rounds N] [--benchmarks REGEX]   TrackBenchmark and EncoderBenchmark (or
 *                                the benchmarks REGEX selects) from an older build's jar and from
 *                                this one, interleaved in one run (default 3 rounds)
 * child SDK SCENARIO ROOT START SIZES   internal: one child JVM of the end-to-end harness
 * startup-child SDK ROOT START   internal: one child JVM of the startup benchmark
 * </pre>
 */
public final class BenchmarkMain {

  /** The one command that produces the README's tables. */
  public static final String COMMAND =
      "mvn -B -q -pl crossdeck-benchmarks -am package -DskipTests"
          + " && java -jar crossdeck-benchmarks/target/crossdeck-benchmarks.jar all";

  private BenchmarkMain() {}

  /** Runs a command; see the class comment. */
  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    String command = arguments.isEmpty() ? "all" : arguments.get(0);
    switch (command) {
      case "all", "e2e" -> suite(command.equals("all"), arguments);
      case "child" -> child(arguments);
      case "outbox" -> outbox(arguments);
      case "startup" -> startup(arguments);
      case "startup-child" -> {
        StartupChild.run(Sdk.of(arguments.get(1)), arguments.get(2), arguments.get(3));
        // Some peers leave non-daemon threads behind.
        System.exit(0);
      }
      case "versus" -> versus(arguments);
      default -> {
        System.err.println(
            "usage: all [--rounds N] [--out DIR] | e2e [--rounds N] [--quick]"
                + " | outbox [--rounds N] [--quick] | startup [--runs N] [--app-only]"
                + " | versus OLD_JAR [--rounds N]");
        System.exit(2);
      }
    }
  }

  private static void suite(boolean all, List<String> arguments) throws Exception {
    boolean quick = arguments.contains("--quick");
    int rounds = Integer.parseInt(option(arguments, "--rounds", quick ? "1" : "3"));
    Path out = Path.of(option(arguments, "--out", "crossdeck-benchmarks/results"));
    Path logs = Path.of(System.getProperty("java.io.tmpdir"), "crossdeck-benchmark-logs");
    Suite everything = new Suite(quick ? Sizes.QUICK : Sizes.FULL, rounds, all, logs);
    Suite suite =
        new Suite(
            everything.sizes(),
            rounds,
            all,
            logs,
            listOption(arguments, "--sdks", everything.sdks().stream().map(Sdk::id).toList())
                .stream()
                .map(Sdk::of)
                .toList(),
            listOption(arguments, "--scenarios", everything.scenarios()));
    Suite.Outcome outcome = suite.run();
    String document =
        ResultsDocument.render(suite, outcome, all ? COMMAND : String.join(" ", arguments));
    System.out.println(document);
    if (all) {
      System.err.println("Written to " + ResultsDocument.write(out, document));
    }
    System.exit(0);
  }

  private static void outbox(List<String> arguments) throws Exception {
    boolean quick = arguments.contains("--quick");
    int rounds = Integer.parseInt(option(arguments, "--rounds", quick ? "1" : "3"));
    OutboxBenchmark.Sizes sizes = quick ? OutboxBenchmark.Sizes.QUICK : OutboxBenchmark.Sizes.FULL;
    try (OutboxBenchmark benchmark = OutboxBenchmark.start(sizes)) {
      System.out.println(OutboxTables.render(benchmark.database(), sizes, benchmark.run(rounds)));
    }
    System.exit(0);
  }

  private static void startup(List<String> arguments) throws Exception {
    int runs = Integer.parseInt(option(arguments, "--runs", "5"));
    Path logs = Path.of(System.getProperty("java.io.tmpdir"), "crossdeck-benchmark-logs");
    Path app = Path.of(option(arguments, "--app", "crossdeck-benchmarks/startup-app"));
    boolean appOnly = arguments.contains("--app-only");
    System.out.println(new StartupBenchmark(runs, appOnly, app, logs).run());
    System.exit(0);
  }

  private static void versus(List<String> arguments) throws Exception {
    Path oldJar = Path.of(arguments.get(1));
    int rounds = Integer.parseInt(option(arguments, "--rounds", "3"));
    Path newJar =
        Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String benchmarks = option(arguments, "--benchmarks", JarComparison.BENCHMARKS);
    System.out.println(new JarComparison(oldJar, newJar, rounds, benchmarks).run());
    System.exit(0);
  }

  private static List<String> listOption(
      List<String> arguments, String name, List<String> fallback) {
    String value = option(arguments, name, null);
    return value == null ? fallback : List.of(value.split(","));
  }

  private static String option(List<String> arguments, String name, String fallback) {
    int index = arguments.indexOf(name);
    return index >= 0 && index + 1 < arguments.size() ? arguments.get(index + 1) : fallback;
  }

  /** A child JVM: starts the SDK, runs the scenario's child side, exits. */
  private static void child(List<String> arguments) {
    try {
      Sdk sdk = Sdk.of(arguments.get(1));
      String root = arguments.get(3);
      String start = arguments.get(4).equals("-") ? null : arguments.get(4);
      ChildRun run = new ChildRun(sdk.start(root), Sizes.of(arguments.get(5)), start);
      Scenarios.named(arguments.get(2)).runChild(run);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
    // Some peers leave non-daemon threads behind even after shutting down.
    System.exit(0);
  }
}
