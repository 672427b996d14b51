package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.anonymousEvent;
import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static com.crossdeck.emulator.ErrorAssertions.assertInvalidRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyTest {

  private static final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().clock(clock).disableRateLimit());

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  // No eventIds: the server mints one per delivery, so only idempotency prevents a second copy.
  private final String batch = batch(userEvent("signup", "user_1"), userEvent("login", "user_1"));

  /** Posts a marker batch and waits for it, so everything accepted before it is indexed. */
  private List<StoredEvent> eventsAfterIndexing(int expectedBeforeMarker) {
    client.postEvents(batch(userEvent("marker", "user_marker")));
    List<StoredEvent> events =
        emulator.awaitEvents(expectedBeforeMarker + 1, Duration.ofSeconds(5));
    return events.subList(0, events.size() - 1);
  }

  @Test
  void replaysOriginalResponseForSameKeyAndBody() {
    Reply first = client.postEvents(batch, "Idempotency-Key", "batch_1");
    Reply replay = client.postEvents(batch, "Idempotency-Key", "batch_1");

    assertThat(first.status()).isEqualTo(202);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(replay.status()).isEqualTo(202);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void givesAReplayItsOwnRequestId() {
    Reply first = client.postEvents(batch, "Idempotency-Key", "batch_1");
    Reply replay = client.postEvents(batch, "Idempotency-Key", "batch_1");

    assertThat(replay.header("x-request-id")).isNotEqualTo(first.header("x-request-id"));
  }

  @Test
  void doesNotApplyAReplayedBatchAgain() {
    client.postEvents(batch, "Idempotency-Key", "batch_1");
    client.postEvents(batch, "Idempotency-Key", "batch_1");

    assertThat(eventsAfterIndexing(2))
        .extracting(StoredEvent::name)
        .containsExactly("signup", "login");
  }

  @Test
  void appliesTheSameBodyAgainUnderADifferentKey() {
    client.postEvents(batch, "Idempotency-Key", "batch_1");
    client.postEvents(batch, "Idempotency-Key", "batch_2");

    assertThat(eventsAfterIndexing(4)).hasSize(4);
  }

  @Test
  void rejectsSameKeyWithDifferentBodyAsIdempotencyKeyInUse() {
    client.postEvents(batch, "Idempotency-Key", "batch_1");
    Reply reply =
        client.postEvents(
            batch(anonymousEvent("page_view", "anon_1")), "Idempotency-Key", "batch_1");

    assertInvalidRequest(reply, "idempotency_key_in_use", null, null);
  }

  @Test
  void keepsKeysSeparatePerEnvironment() {
    client.postEvents(batch, "Idempotency-Key", "batch_1");
    String production =
        Batches.json(
            Batches.envelope(userEvent("signup", "user_1")).put("environment", "production"));
    Reply reply =
        client.post(
            "/v1/events",
            production,
            "Authorization",
            "Bearer cd_sk_live_emulator",
            "Idempotency-Key",
            "batch_1");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void remembersAKeyForJustUnder24Hours() {
    client.postEvents(batch, "Idempotency-Key", "batch_1");
    clock.advance(Duration.ofHours(24).minusMillis(1));

    Reply replay = client.postEvents(batch, "Idempotency-Key", "batch_1");

    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void forgetsAKeyAfter24Hours() {
    client.postEvents(batch, "Idempotency-Key", "batch_1");
    clock.advance(Duration.ofHours(24));

    Reply reply =
        client.postEvents(
            batch(anonymousEvent("page_view", "anon_1")), "Idempotency-Key", "batch_1");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void doesNotRememberFailedRequests() {
    client.postEvents(batch(Batches.event("no_hint")), "Idempotency-Key", "batch_1");

    Reply retry = client.postEvents(batch, "Idempotency-Key", "batch_1");

    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void treatsABlankKeyAsNoKey() {
    client.postEvents(batch, "Idempotency-Key", " ");
    client.postEvents(batch, "Idempotency-Key", " ");

    assertThat(eventsAfterIndexing(4)).allSatisfy(e -> assertThat(e.idempotencyKey()).isNull());
  }

  @Test
  void appliesConcurrentDeliveriesOfOneKeyOnlyOnce() throws Exception {
    int deliveries = 8;
    ExecutorService pool = Executors.newFixedThreadPool(deliveries);
    try {
      List<Callable<Reply>> sends =
          IntStream.range(0, deliveries)
              .<Callable<Reply>>mapToObj(
                  i -> () -> client.postEvents(batch, "Idempotency-Key", "batch_c"))
              .toList();
      List<Reply> replies = pool.invokeAll(sends).stream().map(IdempotencyTest::join).toList();

      assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(202));
      assertThat(replies)
          .filteredOn(reply -> reply.header("Idempotent-Replayed") == null)
          .hasSize(1);
      assertThat(eventsAfterIndexing(2)).hasSize(2);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Reply join(Future<Reply> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
