package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class RetryTest extends MockServerTest {

  private final List<CrossdeckListener.FlushFailed> failures = new CopyOnWriteArrayList<>();
  private final CrossdeckListener recorder =
      new CrossdeckListener() {
        @Override
        public void onFlushFailed(FlushFailed event) {
          failures.add(event);
        }
      };

  /** Advances past any backoff once the sender has scheduled the retry of failure {@code n}. */
  private void advanceAfterFailure(int n) {
    await().until(() -> failures.size() == n);
    clock.advance(Duration.ofMinutes(2));
  }

  @Test
  void retriesWithTheSameIdempotencyKeyAndBodyAfter503Then503Then202() {
    dispatcher.then(503).then(503).then(202);
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(2).listener(recorder));

    client.track(userEvent("a"));
    client.track(userEvent("b"));
    RecordedBatch first = nextBatch();
    advanceAfterFailure(1);
    RecordedBatch second = nextBatch();
    advanceAfterFailure(2);
    RecordedBatch third = nextBatch();

    assertThat(second.idempotencyKey()).isEqualTo(first.idempotencyKey());
    assertThat(third.idempotencyKey()).isEqualTo(first.idempotencyKey());
    assertThat(third.request().getBody()).isEqualTo(first.request().getBody());
    await().until(() -> client.diagnostics().delivery().sent() == 2);
    assertThat(failures).extracting(CrossdeckListener.FlushFailed::attempt).containsExactly(1, 2);
    assertThat(client.diagnostics().delivery().consecutiveFailures()).isZero();
  }

  @Test
  void waitsForRetryAfterSecondsBeforeRetrying() {
    dispatcher.then(new MockResponse.Builder().code(429).setHeader("Retry-After", "3").build());
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1).listener(recorder));

    client.track(userEvent("a"));
    nextBatch();
    await().until(() -> failures.size() == 1);
    assertThat(failures.get(0).nextRetry()).isEqualTo(Duration.ofSeconds(3));

    clock.advanceAndSettle(Duration.ofMillis(2999));
    assertThat(server.getRequestCount()).isEqualTo(1);
    clock.advance(Duration.ofMillis(1));

    assertThat(nextBatch().eventNames()).containsExactly("a");
  }

  @Test
  void waitsForRetryAfterHttpDateBeforeRetrying() {
    String fiveSecondsLater =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.ofInstant(
                java.time.Instant.ofEpochMilli(ManualClock.START_MILLIS + 5000), ZoneOffset.UTC));
    dispatcher.then(
        new MockResponse.Builder().code(503).setHeader("Retry-After", fiveSecondsLater).build());
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1).listener(recorder));

    client.track(userEvent("a"));
    nextBatch();
    await().until(() -> failures.size() == 1);
    assertThat(failures.get(0).nextRetry()).isEqualTo(Duration.ofSeconds(5));

    clock.advanceAndSettle(Duration.ofMillis(4999));
    assertThat(server.getRequestCount()).isEqualTo(1);
    clock.advance(Duration.ofMillis(1));

    assertThat(nextBatch().eventNames()).containsExactly("a");
  }

  @Test
  void retriesAfterConnectionRefusedAndDeliversOnceTheServerIsUp() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    CrossdeckServer client =
        client(
            options ->
                options
                    .baseUrl("http://127.0.0.1:" + port + "/v1")
                    .eventFlushBatchSize(1)
                    .listener(recorder));

    client.track(userEvent("a"));
    await().until(() -> failures.size() == 1);
    assertThat(failures.get(0).error().code()).isEqualTo(ErrorCodes.FETCH_FAILED);
    assertThat(failures.get(0).error().type()).isEqualTo(ErrorCodes.TYPE_NETWORK);

    try (MockWebServer late = new MockWebServer()) {
      late.start(port);
      clock.advance(Duration.ofMinutes(2));
      RecordedBatch batch =
          RecordedBatch.of(late.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS));
      assertThat(batch.eventNames()).containsExactly("a");
    }
  }

  @Test
  void retriesAfterAReadTimeoutWithTheSameKey() {
    dispatcher.then(
        new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CrossdeckServer client =
        client(
            options ->
                options.eventFlushBatchSize(1).timeout(Duration.ofMillis(300)).listener(recorder));

    client.track(userEvent("a"));
    RecordedBatch first = nextBatch();
    advanceAfterFailure(1);
    assertThat(failures.get(0).error().code()).isEqualTo(ErrorCodes.REQUEST_TIMEOUT);

    RecordedBatch retried = nextBatch();
    assertThat(retried.idempotencyKey()).isEqualTo(first.idempotencyKey());
    await().until(() -> client.diagnostics().delivery().sent() == 1);
  }

  @Test
  void aRetriedBatchGoesOutBeforeEventsQueuedAfterIt() {
    dispatcher.then(503);
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(2).listener(recorder));

    client.track(userEvent("e0"));
    client.track(userEvent("e1"));
    RecordedBatch failed = nextBatch();
    await().until(() -> failures.size() == 1);
    client.track(userEvent("e2"));
    client.track(userEvent("e3"));
    advanceAfterFailure(1);

    RecordedBatch retried = nextBatch();
    RecordedBatch next = nextBatch();
    assertThat(retried.eventNames()).containsExactly("e0", "e1");
    assertThat(retried.idempotencyKey()).isEqualTo(failed.idempotencyKey());
    assertThat(next.eventNames()).containsExactly("e2", "e3");
    assertThat(next.idempotencyKey()).isNotEqualTo(failed.idempotencyKey());
  }

  @Test
  void keepsRetryingServerErrorsWithoutLosingEvents() {
    for (int i = 0; i < 6; i++) {
      dispatcher.then(i % 2 == 0 ? 500 : 502);
    }
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1).listener(recorder));

    client.track(userEvent("a"));
    for (int attempt = 1; attempt <= 6; attempt++) {
      nextBatch();
      advanceAfterFailure(attempt);
    }
    nextBatch();

    await().until(() -> client.diagnostics().delivery().sent() == 1);
    assertThat(failures).hasSize(6);
    assertThat(client.diagnostics().delivery().droppedTotal()).isZero();
  }
}
