package com.crossdeck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.StoredEvent;
import com.jayway.jsonpath.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application as it runs in production: {@code java -jar} in its own process, sending
 * to a Crossdeck API outside it (an emulator in this JVM), stopped with SIGTERM while every event
 * it tracked is still queued. Nothing may be lost.
 */
class PackagedJarShutdownIT {

  static final int BURST = 60;
  static final Path JAR = Path.of("target", "sample-app.jar");
  static final Path LOG = Path.of("target", "packaged-jar-shutdown.log");
  static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

  CrossdeckEmulator emulator;
  Process app;
  Thread logCopier;

  @BeforeEach
  void startEmulator() {
    emulator = CrossdeckEmulator.builder().port(0).build().start();
  }

  @AfterEach
  void stopEverything() throws InterruptedException {
    if (app != null && app.isAlive()) {
      app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    emulator.close();
  }

  @Test
  void deliversEveryQueuedEventWhenTheJarIsStoppedWithSigterm() throws Exception {
    assertThat(JAR).as("built by `mvn package`").exists();
    int port = launch();
    SampleHttp http = new SampleHttp(port);

    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<Integer>> responses;
    try {
      responses =
          clients.invokeAll(
              IntStream.range(0, BURST).mapToObj(i -> abandonCart(http, i)).toList(),
              60,
              TimeUnit.SECONDS);
    } finally {
      clients.shutdownNow();
    }
    for (Future<Integer> status : responses) {
      assertThat(status.get()).isEqualTo(202);
    }

    // Every request tracked before answering, and nothing is sent before ten minutes pass.
    assertThat(metric(http, "crossdeck.events.queued")).isEqualTo(BURST);
    assertThat(metric(http, "crossdeck.queue.size")).isEqualTo(BURST);
    assertThat(emulator.storedEventCount()).isZero();

    // SIGTERM, as `docker stop` or Kubernetes sends it. Through the handle: Process.destroy()
    // would also close the pipe the app's shutdown log is read from.
    assertThat(app.toHandle().destroy()).isTrue();
    assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    logCopier.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(Files.readString(LOG)).contains("Graceful shutdown complete");

    List<StoredEvent> stored = emulator.awaitEvents(BURST, Duration.ofSeconds(10));
    assertThat(stored).hasSize(BURST);
    assertThat(stored).extracting(StoredEvent::name).containsOnly("server_abandon_detected");
    assertThat(stored)
        .extracting(event -> event.identity().value())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, BURST).mapToObj(i -> "anon_burst_" + i).toList());
  }

  /** One visitor abandoning a cart: one event, queued by the app before it answers. */
  private static Callable<Integer> abandonCart(SampleHttp http, int visitor) {
    return () ->
        http.send(
                http.postJson(
                        "/api/abandon-cart",
                        "{\"cartValue\":" + visitor + ",\"items\":[\"sku_" + visitor + "\"]}")
                    .header("X-Anon-Id", "anon_burst_" + visitor))
            .statusCode();
  }

  /** Starts the jar and returns its HTTP port once it is serving. */
  private int launch() throws Exception {
    app =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString(),
                "--server.port=0",
                "--crossdeck.secret-key=" + CrossdeckEmulator.TEST_SECRET_KEY,
                "--crossdeck.base-url=" + emulator.baseUrl(),
                "--crossdeck.boot-heartbeat=false",
                // Events stay queued until shutdown: no timer, no full batch.
                "--crossdeck.event-flush-interval=PT10M",
                "--crossdeck.event-flush-batch-size=100",
                "--sample.renewals.interval=PT1H")
            .redirectErrorStream(true)
            .start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    logCopier = new Thread(() -> copyLog(port), "sample-app-log");
    logCopier.setDaemon(true);
    logCopier.start();
    return port.get(90, TimeUnit.SECONDS);
  }

  /** Copies the app's output to {@link #LOG}, completing {@code port} when Tomcat has started. */
  private void copyLog(CompletableFuture<Integer> port) {
    try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(LOG, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        log.println(line);
        log.flush();
        Matcher started = STARTED.matcher(line);
        if (started.find()) {
          port.complete(Integer.parseInt(started.group(1)));
        }
      }
      port.completeExceptionally(new IllegalStateException("the app exited; see " + LOG));
    } catch (IOException e) {
      port.completeExceptionally(new UncheckedIOException(e));
    }
  }

  /** A Crossdeck meter's value, read from the app's actuator as an admin. */
  private static long metric(SampleHttp http, String name) {
    HttpResponse<String> response =
        http.send(SampleHttp.as("ada", "lovelace", http.get("/actuator/metrics/" + name)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonPath.<Double>read(response.body(), "$.measurements[0].value").longValue();
  }
}
