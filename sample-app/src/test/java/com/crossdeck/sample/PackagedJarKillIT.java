package com.crossdeck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.RecordedRequest;
import com.crossdeck.emulator.StoredEvent;
import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application with the outbox ({@code outbox} profile, an H2 file database), killed
 * with SIGKILL right after a burst of orders, while every order's event still waits in the outbox:
 * no shutdown hook runs, nothing drains. After a restart, every event is stored exactly once. The
 * Crossdeck API (an emulator in this JVM) lives outside the application, as it does in production.
 */
class PackagedJarKillIT {

  static final int BURST = 60;

  CrossdeckEmulator emulator;
  PackagedJar app;
  @TempDir Path data;

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
  void everyOrderEventIsStoredExactlyOnceAfterKill9AndARestart() throws Exception {
    app =
        launch(
            Path.of("target", "packaged-jar-kill-before.log"),
            // Nothing leaves before the kill: no timer, no full batch, no poll.
            "--crossdeck.event-flush-interval=PT10M",
            "--crossdeck.event-flush-batch-size=100",
            "--crossdeck.outbox.poll-interval=PT10M");
    List<String> orderIds = placeOrders(app.http());

    assertThat(app.metric("crossdeck.outbox.written")).isEqualTo(BURST);
    assertThat(app.metric("crossdeck.outbox.depth")).isEqualTo(BURST);
    assertThat(emulator.storedEventCount()).isZero();

    app.kill();
    app = launch(Path.of("target", "packaged-jar-kill-after.log"));

    List<StoredEvent> stored = emulator.awaitEvents(BURST, Duration.ofSeconds(30));
    assertThat(stored).hasSize(BURST);
    assertThat(stored)
        .extracting(StoredEvent::eventId)
        .containsExactlyInAnyOrderElementsOf(orderIds.stream().map(id -> "order_" + id).toList());
    assertThat(stored)
        .extracting(event -> event.identity().value())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, BURST).mapToObj(i -> "anon_kill_" + i).toList());
    assertThat(eventIdsInAcceptedRequests())
        .as("each event in one accepted request: none sent twice")
        .hasSize(BURST)
        .doesNotHaveDuplicates();
    assertThat(emulator.duplicatesIgnored()).isZero();
    SampleHttp http = app.http();
    assertThat(JsonPath.<Integer>read(http.send(http.get("/api/orders")).body(), "$.count"))
        .as("the orders survived too")
        .isEqualTo(BURST);
    app.stop();
  }

  /** The event ids of every event batch the emulator received and answered with a 2xx. */
  private List<String> eventIdsInAcceptedRequests() {
    List<String> ids = new ArrayList<>();
    for (RecordedRequest request : emulator.requests()) {
      if (request.path().equals("/v1/events") && request.status() / 100 == 2) {
        ids.addAll(JsonPath.<List<String>>read(request.bodyAsString(), "$.events[*].eventId"));
      }
    }
    return ids;
  }

  private PackagedJar launch(Path log, String... more) throws Exception {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--spring.profiles.active=outbox",
                "--spring.datasource.url=jdbc:h2:file:"
                    + data.resolve("sample").toAbsolutePath()
                    + ";WRITE_DELAY=0",
                "--crossdeck.secret-key=" + CrossdeckEmulator.TEST_SECRET_KEY,
                "--crossdeck.base-url=" + emulator.baseUrl(),
                "--crossdeck.boot-heartbeat=false",
                "--sample.renewals.interval=PT1H"));
    arguments.addAll(List.of(more));
    return PackagedJar.launch(log, arguments.toArray(String[]::new));
  }

  /** One order per visitor, from eight clients at once; each answered once it committed. */
  private static List<String> placeOrders(SampleHttp http) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<String>> placed;
    try {
      placed =
          clients.invokeAll(
              IntStream.range(0, BURST).mapToObj(i -> placeOrder(http, i)).toList(),
              60,
              TimeUnit.SECONDS);
    } finally {
      clients.shutdownNow();
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> order : placed) {
      ids.add(order.get());
    }
    return ids;
  }

  private static Callable<String> placeOrder(SampleHttp http, int visitor) {
    return () -> {
      var response =
          http.send(
              http.postJson(
                      "/api/orders",
                      "{\"sku\":\"sku_" + visitor + "\",\"amount\":" + (visitor + 1) + "}")
                  .header("X-Anon-Id", "anon_kill_" + visitor));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      return JsonPath.read(response.body(), "$.orderId");
    };
  }
}
