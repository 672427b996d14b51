package com.crossdeck.benchmarks.e2e;

import com.crossdeck.benchmarks.child.ChildReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM running one (SDK, scenario, round), seen from the orchestrator: its stdout lines
 * are collected, stdin carries {@code stop}, stderr goes to a log file.
 */
public final class ChildProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();
  private final Path log;

  private ChildProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    Thread reader = new Thread(this::pump, "child-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code command}, logging its stderr to {@code log}. */
  public static ChildProcess start(List<String> command, Path log) throws IOException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log.toFile())).start();
    return new ChildProcess(process, log);
  }

  private void pump() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the child is gone; whatever was read is kept
    }
  }

  /** Waits for a line starting with {@code prefix}; returns it, or fails after {@code timeout}. */
  public String await(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String line : seen) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new IllegalStateException(
            "No '" + prefix.trim() + "' from the child within " + timeout + "; see " + log);
      }
      seen.add(line);
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** Every line received so far that starts with {@code prefix}, in order. */
  public List<String> linesStartingWith(String prefix) {
    lines.drainTo(seen);
    return seen.stream().filter(line -> line.startsWith(prefix)).toList();
  }

  /** Tells a holding child to finish. */
  public void stop() {
    try {
      OutputStream in = process.getOutputStream();
      in.write("stop\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends SIGTERM, as Kubernetes or systemd do before killing. Through the process handle, because
   * {@link Process#destroy()} also closes the pipes, and the child's last words would be lost.
   */
  void terminate() {
    process.toHandle().destroy();
  }

  /** The child's report, waiting for it at most {@code timeout}. */
  ChildReport report(Duration timeout) throws InterruptedException {
    String line = await(ChildReport.PREFIX, timeout);
    try {
      return JSON.readValue(line.substring(ChildReport.PREFIX.length()), ChildReport.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the child to exit; kills it if it does not within {@code timeout}. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return true;
    }
    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    return false;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
