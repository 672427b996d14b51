package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 100 events/s with bursts of 200, on a clock that only moves when a test moves it. */
class RateLimitTest {

  private static final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().clock(clock).rateLimit(100, 200));

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  private static String batchOf(int events) {
    return batch(
        IntStream.range(0, events)
            .mapToObj(i -> userEvent("event_" + i, "user_1"))
            .toArray(ObjectNode[]::new));
  }

  @Test
  void answers429WithRetryAfterOnceABurstExhaustsTheBucket() {
    List<Reply> burst =
        IntStream.range(0, 5).mapToObj(i -> client.postEvents(batchOf(100))).toList();

    assertThat(burst).extracting(Reply::status).containsExactly(202, 202, 429, 429, 429);
    Reply limited = burst.get(2);
    assertThat(limited.error().path("type").asText()).isEqualTo("rate_limit_error");
    assertThat(limited.error().path("code").asText()).isEqualTo("rate_limited");
    assertThat(limited.header("Retry-After")).isEqualTo("1");
  }

  @Test
  void roundsRetryAfterUpToWholeSeconds() {
    client.postEvents(batchOf(100));
    client.postEvents(batchOf(50));
    clock.advance(Duration.ofMillis(100));

    // 60 tokens left, 100 needed at 100/s: 0.4 s, announced as 1 s.
    assertThat(client.postEvents(batchOf(100)).header("Retry-After")).isEqualTo("1");
  }

  @Test
  void announcesTheTimeUntilEnoughTokensExist() {
    client.postEvents(batchOf(100));
    client.postEvents(batchOf(100));

    assertThat(client.postEvents(batchOf(100)).header("Retry-After")).isEqualTo("1");
  }

  @Test
  void acceptsAgainAfterTheAnnouncedWait() {
    client.postEvents(batchOf(100));
    client.postEvents(batchOf(100));
    Reply limited = client.postEvents(batchOf(100));

    clock.advance(Duration.ofSeconds(Long.parseLong(limited.header("Retry-After"))));

    assertThat(client.postEvents(batchOf(100)).status()).isEqualTo(202);
  }

  @Test
  void storesNothingFromARateLimitedBatch() {
    client.postEvents(batchOf(100));
    client.postEvents(batchOf(100));
    client.postEvents(batchOf(100));

    assertThat(emulator.awaitEvents(200, Duration.ofSeconds(5))).hasSize(200);
  }

  @Test
  void chargesOneTokenPerEventNotPerRequest() {
    List<Integer> statuses =
        IntStream.range(0, 200).mapToObj(i -> client.postEvents(batchOf(1)).status()).toList();

    assertThat(statuses).containsOnly(202);
    assertThat(client.postEvents(batchOf(1)).status()).isEqualTo(429);
  }

  @Test
  void doesNotChargeIdempotentReplays() {
    String batch = batchOf(100);
    client.postEvents(batch, "Idempotency-Key", "batch_1");
    client.postEvents(batchOf(100));

    Reply replay = client.postEvents(batch, "Idempotency-Key", "batch_1");

    assertThat(replay.status()).isEqualTo(202);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void acceptsTheKeyOfARateLimitedRequestOnRetry() {
    client.postEvents(batchOf(100));
    client.postEvents(batchOf(100));
    String batch = batchOf(100);
    client.postEvents(batch, "Idempotency-Key", "batch_1");
    clock.advance(Duration.ofSeconds(1));

    Reply retry = client.postEvents(batch, "Idempotency-Key", "batch_1");

    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void validatesBeforeChargingTokens() {
    client.postEvents(batchOf(100));
    client.postEvents(batchOf(100));

    assertThat(client.postEvents(batch(Batches.event("no_hint"))).status()).isEqualTo(400);
  }
}
