package com.crossdeck.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How fast the emulator ingests, so benchmarks know it is not their bottleneck. Run by hand (see
 * the module README):
 *
 * <pre>
 * mvn -q -pl crossdeck-emulator test-compile exec:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=com.crossdeck.emulator.ThroughputCheck
 * </pre>
 *
 * <p>It posts batches of 100 events over keep-alive from 1 and 2 client threads with the rate limit
 * off and reports accepted events/s and requests/s, how long the indexer took to store everything
 * after the last 202, and the CPU the emulator's threads spent per event (the capacity it would
 * have if it had a core to itself). Then, warm, it measures sequential keep-alive latency with one
 * event per request. Optional argument: seconds per measured run (default 5).
 */
public final class ThroughputCheck {

  private static final int BATCH_SIZE = 100;
  private static final Duration WARM_UP = Duration.ofSeconds(2);
  private static final int LATENCY_SAMPLES = 2000;

  private final CrossdeckEmulator emulator;
  private final URL events;

  private ThroughputCheck(CrossdeckEmulator emulator) throws MalformedURLException {
    this.emulator = emulator;
    this.events = URI.create(emulator.baseUrl() + "/events").toURL();
  }

  public static void main(String[] args) throws Exception {
    Duration run = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
    try (CrossdeckEmulator emulator =
        CrossdeckEmulator.builder().disableRateLimit().build().start()) {
      ThroughputCheck check = new ThroughputCheck(emulator);
      System.out.printf(
          "Java %s, %d CPUs, batches of %d events, %s per run%n",
          Runtime.version(), Runtime.getRuntime().availableProcessors(), BATCH_SIZE, run);
      for (int threads : new int[] {1, 2}) {
        check.throughput(threads, WARM_UP);
        emulator.reset();
        check.report(threads, check.throughput(threads, run));
        emulator.reset();
      }
      check.sequentialLatency();
    }
  }

  private void sequentialLatency() throws IOException {
    long[] micros = new long[LATENCY_SAMPLES];
    for (int i = 0; i < LATENCY_SAMPLES; i++) {
      long started = System.nanoTime();
      post(body("latency", i, 1));
      micros[i] = (System.nanoTime() - started) / 1000;
    }
    Arrays.sort(micros);
    System.out.printf(
        "Sequential keep-alive POST /v1/events (1 event): p50 %d µs, p99 %d µs, max %d µs%n",
        micros[LATENCY_SAMPLES / 2],
        micros[LATENCY_SAMPLES * 99 / 100],
        micros[LATENCY_SAMPLES - 1]);
    emulator.reset();
  }

  private record Result(long requests, Duration elapsed, Duration indexingLag, CpuTime cpu) {}

  /**
   * CPU time of the emulator's threads, of everything else in the JVM, and of the whole process.
   */
  private record CpuTime(long emulatorNanos, long processNanos) {

    static CpuTime now() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long emulator = 0;
      for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (thread != null && isEmulatorThread(thread.getThreadName())) {
          emulator += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
        }
      }
      long process =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime();
      return new CpuTime(emulator, process);
    }

    CpuTime since(CpuTime start) {
      return new CpuTime(emulatorNanos - start.emulatorNanos, processNanos - start.processNanos);
    }

    private static boolean isEmulatorThread(String name) {
      // HTTP-Dispatcher is the JDK server's selector thread, started by the emulator.
      return name.startsWith("crossdeck-emulator-") || name.equals("HTTP-Dispatcher");
    }
  }

  private Result throughput(int threads, Duration duration) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CpuTime cpuAtStart = CpuTime.now();
      long started = System.nanoTime();
      long deadline = started + duration.toNanos();
      List<Future<Long>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String worker = "t" + t;
        workers.add(pool.submit(() -> sendUntil(worker, deadline)));
      }
      long requests = 0;
      for (Future<Long> worker : workers) {
        requests += worker.get();
      }
      long answered = System.nanoTime();
      awaitStored(requests * BATCH_SIZE);
      return new Result(
          requests,
          Duration.ofNanos(answered - started),
          Duration.ofNanos(System.nanoTime() - answered),
          CpuTime.now().since(cpuAtStart));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Polls the cheap counter: materializing millions of events would distort the measurement. */
  private void awaitStored(long events) throws InterruptedException {
    while (emulator.storedEventCount() < events) {
      Thread.sleep(1);
    }
  }

  private long sendUntil(String worker, long deadline) throws IOException {
    long sent = 0;
    while (System.nanoTime() < deadline) {
      post(body(worker, sent, BATCH_SIZE));
      sent++;
    }
    return sent;
  }

  private void report(int threads, Result result) {
    double seconds = result.elapsed().toNanos() / 1e9;
    long events = result.requests() * BATCH_SIZE;
    double emulatorMicrosPerEvent = result.cpu().emulatorNanos() / 1e3 / events;
    System.out.printf(
        "%d client thread(s): %,.0f events/s, %,.0f requests/s (%,d events in %.1f s; "
            + "all stored %d ms after the last 202)%n"
            + "    CPU: emulator threads %.2f µs/event (= %,.0f events/s per core), "
            + "whole process incl. client and GC %.2f µs/event%n",
        threads,
        events / seconds,
        result.requests() / seconds,
        events,
        seconds,
        result.indexingLag().toMillis(),
        emulatorMicrosPerEvent,
        1e6 / emulatorMicrosPerEvent,
        result.cpu().processNanos() / 1e3 / events);
  }

  /**
   * One POST over a kept-alive connection. HttpURLConnection rather than java.net.http: it costs
   * the client about half the CPU per request, which on a small machine is CPU the emulator gets.
   */
  private void post(String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpURLConnection connection = (HttpURLConnection) events.openConnection();
    connection.setRequestMethod("POST");
    // Not fixed-length streaming: that sends headers and body in separate writes, and the client's
    // own Nagle delay then costs ~1 ms per request on loopback. Buffered, they leave together.
    connection.setDoOutput(true);
    connection.setRequestProperty("Authorization", "Bearer " + CrossdeckEmulator.TEST_SECRET_KEY);
    connection.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = connection.getOutputStream()) {
      out.write(bytes);
    }
    int status = connection.getResponseCode();
    // Reading the body to the end is what returns the connection to the keep-alive pool.
    try (InputStream in =
        status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      in.readAllBytes();
    }
    if (status != 202) {
      throw new IllegalStateException("Expected 202, got " + status);
    }
  }

  /** A batch shaped like an SDK's (contract §a.4), with event ids unique per worker and request. */
  private static String body(String worker, long request, int events) {
    StringBuilder body = new StringBuilder(200 * events + 64);
    body.append("{\"envelopeVersion\":1,\"environment\":\"sandbox\",\"events\":[");
    long now = System.currentTimeMillis();
    for (int i = 0; i < events; i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append("{\"eventId\":\"evt_")
          .append(worker)
          .append('_')
          .append(request)
          .append('_')
          .append(i)
          .append("\",\"name\":\"benchmark.event\",\"timestamp\":")
          .append(now)
          .append(",\"developerUserId\":\"user_")
          .append(i % 50)
          .append(
              "\",\"properties\":{\"plan\":\"pro\",\"amount\":42,\"source\":\"throughput-check\"}}");
    }
    return body.append("]}").toString();
  }
}
