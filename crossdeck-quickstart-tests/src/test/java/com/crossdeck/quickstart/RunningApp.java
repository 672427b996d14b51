package com.crossdeck.quickstart;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fresh application's {@code mvn spring-boot:test-run}, started as a user starts it: a separate
 * Maven process, whose forked application writes to the same output, with {@code
 * CROSSDECK_SECRET_KEY} unset. Its output goes to a log file and is searched as it arrives. Closing
 * stops the application and Maven.
 */
final class RunningApp implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(100);

  private final Process process;
  private final StringBuilder output = new StringBuilder();
  private final Path log;

  private RunningApp(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in {@code directory}, copying its output to {@code log}. */
  static RunningApp start(List<String> command, Path directory, Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().remove("CROSSDECK_SECRET_KEY");
    try {
      Files.createDirectories(log.getParent());
      RunningApp app = new RunningApp(builder.start(), log);
      Thread pump = new Thread(app::copyOutput, "quickstart-output");
      pump.setDaemon(true);
      pump.start();
      return app;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void copyOutput() {
    try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer file = Files.newBufferedWriter(log)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        file.write(line);
        file.write('\n');
        file.flush();
        synchronized (output) {
          output.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      // The process went away; what it wrote so far is kept.
    }
  }

  /** Everything written so far. */
  String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  /**
   * Waits until the output has a match for {@code pattern} and returns its first group; fails
   * early, with the end of the output, if the process exits first.
   */
  String awaitMatch(Pattern pattern, Duration timeout) {
    AtomicReference<String> found = new AtomicReference<>();
    await()
        .atMost(timeout)
        .pollInterval(POLL)
        .failFast("mvn exited before printing " + pattern + ":\n" + tail(), this::exited)
        .until(
            () -> {
              Matcher matcher = pattern.matcher(output());
              if (matcher.find()) {
                found.set(matcher.group(1));
                return true;
              }
              return false;
            });
    return found.get();
  }

  /** Waits until the output contains what {@code expected} shows. */
  void awaitOutput(ExpectedOutput expected, Duration timeout) {
    await("output containing " + expected + "\n" + log)
        .atMost(timeout)
        .pollInterval(POLL)
        .failFast("mvn exited before printing " + expected + ":\n" + tail(), this::exited)
        .until(() -> expected.isIn(output()));
  }

  private boolean exited() {
    return !process.isAlive();
  }

  private String tail() {
    List<String> lines = output().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** Stops the forked application first, then Maven, as Ctrl-C would. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
