package com.crossdeck.benchmarks.report;

import com.crossdeck.benchmarks.Suite;
import com.crossdeck.benchmarks.e2e.Orchestrator;
import com.crossdeck.benchmarks.e2e.Scenario;
import com.crossdeck.benchmarks.jmh.HotPath;
import com.crossdeck.benchmarks.sink.SinkCapacity;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** The Markdown document of one run: machine, command, targets, and every table. */
public final class ResultsDocument {

  private ResultsDocument() {}

  /** Renders the document. */
  public static String render(Suite suite, Suite.Outcome outcome, String command) {
    StringBuilder out = new StringBuilder();
    out.append("## Results of ").append(LocalDate.now()).append("\n\n");
    out.append("- Machine: ").append(machine()).append('\n');
    out.append("- Command: `").append(command).append("`\n");
    out.append(
        String.format(
            Locale.ROOT,
            "- %d round(s), medians reported; the run took %.1f min.%n",
            suite.rounds(),
            outcome.elapsed().toSeconds() / 60.0));
    out.append("- End-to-end children: one JVM per (scenario, SDK, round), flags `")
        .append(String.join(" ", Orchestrator.CHILD_JVM_FLAGS))
        .append("`.\n\n");
    out.append("### Sink capacity (trivial keep-alive client, same run)\n\n")
        .append("| events/request | requests/s | events/s | p50 latency µs | p99 latency µs |\n")
        .append("|---:|---:|---:|---:|---:|\n");
    for (SinkCapacity.Result capacity : outcome.capacity()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %,.0f | %,.0f | %.0f | %.0f |%n",
              capacity.eventsPerRequest(),
              capacity.requestsPerSecond(),
              capacity.eventsPerSecond(),
              capacity.p50Micros(),
              capacity.p99Micros()));
    }
    out.append("\n### Targets\n\n").append(Targets.render(outcome.measurements())).append('\n');
    if (suite.hot()) {
      out.append(MarkdownTables.render(HotPath.table(), outcome.measurements()));
      out.append(MarkdownTables.render(HotPath.encoderTable(), outcome.measurements()));
    }
    for (Scenario scenario : outcome.scenarios()) {
      out.append(MarkdownTables.render(scenario.table(), outcome.measurements()));
    }
    return out.toString();
  }

  /** Writes the document to {@code <directory>/<date>.md}; returns the file. */
  public static Path write(Path directory, String document) throws IOException {
    Files.createDirectories(directory);
    return Files.writeString(directory.resolve(LocalDate.now() + ".md"), document);
  }

  private static String machine() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return String.format(
        Locale.ROOT,
        "%s, %d cores, %.0f GiB RAM, %s %s, Java %s (%s)",
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.vendor"));
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }
}
