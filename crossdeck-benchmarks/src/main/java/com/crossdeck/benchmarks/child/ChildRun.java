package com.crossdeck.benchmarks.child;

import com.crossdeck.benchmarks.sdk.Driver;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The measuring harness around one SDK inside a child JVM: starts the clocks, tracks events fast or
 * paced, waits for the orchestrator, closes the SDK and prints the {@link ChildReport}. Scenarios
 * compose these steps; every SDK goes through exactly the same ones.
 */
public final class ChildRun {

  /** Printed when the child has tracked everything and waits for {@code stop} on stdin. */
  public static final String HOLDING = "HOLDING";

  /** Printed when the run has started. */
  public static final String STARTED = "STARTED";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final Driver driver;
  private final Sizes sizes;
  private final String startUrl;
  private final HeapPeakMonitor heap = new HeapPeakMonitor();
  private long startCpu;
  private long startEpochMillis;
  private long trackNanos;
  private volatile long accepted;

  /**
   * @param driver the SDK under test
   * @param sizes the scenario sizes
   * @param startUrl the sink's start URL, or {@code null} when the target has none
   */
  public ChildRun(Driver driver, Sizes sizes, String startUrl) {
    this.driver = driver;
    this.sizes = sizes;
    this.startUrl = startUrl;
  }

  /** The scenario sizes. */
  public Sizes sizes() {
    return sizes;
  }

  /** Starts the clocks and tells the sink (when there is one) that the run starts now. */
  public void begin() {
    heap.start();
    startCpu = OS.getProcessCpuTime();
    if (startUrl != null) {
      get(startUrl);
    }
    startEpochMillis = System.currentTimeMillis();
    System.out.println(STARTED);
    System.out.flush();
  }

  /** Tracks events {@code 0..count-1} back to back. */
  public void trackFast(int count) {
    long start = System.nanoTime();
    long ok = 0;
    for (int i = 0; i < count; i++) {
      if (driver.track(i)) {
        ok++;
      }
    }
    trackNanos += System.nanoTime() - start;
    accepted += ok;
  }

  /** Tracks events {@code 0..count-1} evenly over {@code spreadMillis}, in steps of 1 ms. */
  public void trackPaced(int count, long spreadMillis) {
    long start = System.nanoTime();
    long busy = 0;
    for (int i = 0; i < count; i++) {
      long due = start + TimeUnit.MILLISECONDS.toNanos(spreadMillis) * i / count;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      long before = System.nanoTime();
      if (driver.track(i)) {
        accepted++;
      }
      busy += System.nanoTime() - before;
    }
    trackNanos += busy;
  }

  /** Tells the orchestrator everything was tracked and waits for it to say {@code stop}. */
  public void hold() throws IOException {
    System.out.println(HOLDING);
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
  }

  /** Flushes (if asked) and closes the SDK, then prints the report. */
  public void finish(boolean flushFirst) {
    long start = System.nanoTime();
    if (flushFirst) {
      driver.flush();
    }
    driver.close();
    report(System.nanoTime() - start);
  }

  /** Prints the report without closing the SDK (for a JVM being terminated). */
  public void report(long closeNanos) {
    heap.stop();
    ChildReport report =
        new ChildReport(
            accepted,
            trackNanos,
            closeNanos,
            OS.getProcessCpuTime() - startCpu,
            heap.peakUsedBytes(),
            heap.peakLiveBytes(),
            heap.collections(),
            startEpochMillis);
    try {
      System.out.println(ChildReport.PREFIX + JSON.writeValueAsString(report));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.flush();
  }

  /**
   * Tracks {@code perSecond} events per second until the JVM is told to terminate. A shutdown hook
   * then stops the loop, so that no event is counted as accepted after it, and prints the report;
   * the SDK gets no help: whatever its own hooks (if any) deliver is what arrives.
   */
  public void streamUntilTerminated(int perSecond) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stop = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.set(true);
                  try {
                    stopped.await(5, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  report(0);
                },
                "harness-report"));
    long start = System.nanoTime();
    long stepNanos = TimeUnit.MILLISECONDS.toNanos(5);
    int perStep = Math.max(1, perSecond / 200);
    try {
      for (int i = 0; !stop.get(); ) {
        long wait = start + stepNanos * (i / perStep) - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        for (int end = i + perStep; i < end && !stop.get(); i++) {
          if (driver.track(i)) {
            accepted++;
          }
        }
      }
    } finally {
      stopped.countDown();
    }
    Thread.sleep(Long.MAX_VALUE);
  }

  /** Sends a GET to the sink (its start mark); fails when the sink cannot be reached. */
  public static void get(String url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.getInputStream().readAllBytes();
      connection.disconnect();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the sink at " + url, e);
    }
  }
}
