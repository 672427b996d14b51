package com.crossdeck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.StoredEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
  static final Path LOG = Path.of("target", "packaged-jar-shutdown.log");

  CrossdeckEmulator emulator;
  PackagedJar app;

  @BeforeEach
  void startEmulator() {
    emulator = CrossdeckEmulator.builder().port(0).build().start();
  }

  @AfterEach
  void stopEverything() throws InterruptedException {
    if (app != null) {
      app.close();
    }
    emulator.close();
  }

  @Test
  void deliversEveryQueuedEventWhenTheJarIsStoppedWithSigterm() throws Exception {
    app =
        PackagedJar.launch(
            LOG,
            "--crossdeck.secret-key=" + CrossdeckEmulator.TEST_SECRET_KEY,
            "--crossdeck.base-url=" + emulator.baseUrl(),
            "--crossdeck.boot-heartbeat=false",
            // Events stay queued until shutdown: no timer, no full batch.
            "--crossdeck.event-flush-interval=PT10M",
            "--crossdeck.event-flush-batch-size=100",
            "--sample.renewals.interval=PT1H");
    SampleHttp http = app.http();

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
    assertThat(app.metric("crossdeck.events.queued")).isEqualTo(BURST);
    assertThat(app.metric("crossdeck.queue.size")).isEqualTo(BURST);
    assertThat(emulator.storedEventCount()).isZero();

    app.stop();
    assertThat(app.log()).contains("Graceful shutdown complete");

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
}
