package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdeck.client.transport.Transport;
import com.crossdeck.client.transport.TransportRequest;
import com.crossdeck.client.transport.TransportResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Chaos: several threads track while the transport throws (IOException, RuntimeException, Errors)
 * or the server answers 400 with and without an index, 413, 429 and 503, loses responses after
 * storing, and listeners throw from every callback. At the end every event {@code track()} accepted
 * is delivered or counted as dropped, exactly, and every event the server stored is counted as sent
 * exactly once. The seed is printed in every assertion; set {@code -Dcrossdeck.chaos.seed=N} to
 * replay a run's faults.
 */
class AccountingChaosTest {

  private static final int THREADS = 4;
  private static final int EVENTS_PER_THREAD = 1_500;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A server that stores each batch once per idempotency key, as Crossdeck does, and otherwise
   * fails in every way a network and a server can.
   */
  private static final class ChaoticServer implements Transport {
    private final SplittableRandom random;
    private final Map<String, TransportResponse> replays = new HashMap<>();
    private final Set<String> stored = new HashSet<>();
    private final Set<String> storedNames = new HashSet<>();
    private final AtomicLong duplicates = new AtomicLong();

    ChaoticServer(long seed) {
      this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized TransportResponse execute(TransportRequest request) throws IOException {
      String key = request.header("Idempotency-Key");
      TransportResponse replay = replays.get(key);
      if (replay != null) {
        return replay;
      }
      JsonNode events = JSON.readTree(request.body().toByteArray()).get("events");
      for (JsonNode event : events) {
        if (event.get("name").asText().startsWith("poisoned")) {
          // A value the server's parser cannot read: it cannot say which event it was.
          return error(400, "invalid_json", null);
        }
      }
      int roll = random.nextInt(100);
      if (roll < 8) {
        throw new IOException("connection reset");
      } else if (roll < 12) {
        throw new IllegalStateException("transport bug");
      } else if (roll < 16) {
        throw random.nextBoolean()
            ? new AssertionError("transport assertion")
            : new OutOfMemoryError("simulated");
      } else if (roll < 24) {
        return error(503, "internal_error", null);
      } else if (roll < 32) {
        return new TransportResponse(429, Map.of("retry-after", "1"), new byte[0]);
      } else if (roll < 36) {
        return error(413, "payload_too_large", null);
      } else if (roll < 40) {
        return error(400, "invalid_param_value", random.nextInt(events.size()));
      }
      TransportResponse accepted =
          new TransportResponse(
              202, Map.of(), "{\"object\":\"list\"}".getBytes(StandardCharsets.UTF_8));
      replays.put(key, accepted);
      for (JsonNode event : events) {
        if (!stored.add(event.get("eventId").asText())) {
          duplicates.incrementAndGet();
        }
        storedNames.add(event.get("name").asText());
      }
      if (roll < 46) {
        throw new IOException("response lost after the batch was stored");
      }
      return accepted;
    }

    private static TransportResponse error(int status, String code, Integer index) {
      String body =
          "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\""
              + code
              + "\",\"message\":\"chaos\""
              + (index == null ? "" : ",\"index\":" + index)
              + "}}";
      return new TransportResponse(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    synchronized Set<String> storedIds() {
      return new HashSet<>(stored);
    }

    synchronized Set<String> storedNames() {
      return new HashSet<>(storedNames);
    }
  }

  /** Throws from roughly a third of its callbacks, exceptions and errors alike. */
  private static final class ChaoticListener implements CrossdeckListener {
    private final SplittableRandom random;

    ChaoticListener(long seed) {
      this.random = new SplittableRandom(seed);
    }

    private synchronized void maybeThrow() {
      int roll = random.nextInt(6);
      if (roll == 0) {
        throw new IllegalStateException("listener bug");
      } else if (roll == 1) {
        throw new AssertionError("listener assertion");
      }
    }

    @Override
    public void onFlushSucceeded(FlushSucceeded event) {
      maybeThrow();
    }

    @Override
    public void onFlushFailed(FlushFailed event) {
      maybeThrow();
    }

    @Override
    public void onEventsDropped(EventsDropped event) {
      maybeThrow();
    }

    @Override
    public void onPermanentFailure(PermanentFailure event) {
      maybeThrow();
    }

    @Override
    public void onEventRejected(EventRejected event) {
      maybeThrow();
    }
  }

  @Test
  void everyAcceptedEventIsDeliveredOrCountedAndEveryStoredEventIsCountedOnce() throws Exception {
    long seed = Long.getLong("crossdeck.chaos.seed", System.nanoTime());
    String run = "chaos seed " + seed + " (replay with -Dcrossdeck.chaos.seed=" + seed + ")";
    ChaoticServer server = new ChaoticServer(seed);
    ManualClock clock = new ManualClock();
    CrossdeckServer client =
        CrossdeckServer.builder("cd_sk_test_chaos")
            .baseUrl("http://127.0.0.1:9/v1")
            .transport(server)
            .clock(clock)
            .random(new SplittableRandom(seed))
            .eventFlushBatchSize(25)
            .listener(new ChaoticListener(seed))
            .bootHeartbeat(false)
            .flushOnExit(false)
            .build();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread time =
        new Thread(
            () -> {
              // Backoffs and flush intervals pass in manual time: a second per millisecond.
              while (running.get()) {
                clock.advance(Duration.ofSeconds(1));
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "chaos-time");
    time.setDaemon(true);
    time.start();
    try {
      List<CompletableFuture<Long>> producers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        producers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  long queued = 0;
                  for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                    String name = (i % 97 == 13 ? "poisoned_" : "event_") + thread + "_" + i;
                    if (client
                        .track(Event.builder(name).developerUserId("u" + i).build())
                        .queued()) {
                      queued++;
                    }
                  }
                  return queued;
                }));
      }
      long queued = 0;
      for (CompletableFuture<Long> producer : producers) {
        queued += producer.join();
      }
      await().atMost(Duration.ofSeconds(40)).until(() -> client.diagnostics().queue().held() == 0);
      client.close(Duration.ofSeconds(5));

      Diagnostics diagnostics = client.diagnostics();
      Diagnostics.Delivery delivery = diagnostics.delivery();
      Set<String> stored = server.storedIds();
      assertThat(delivery.accepted())
          .as(run)
          .isEqualTo(queued)
          .isEqualTo(THREADS * EVENTS_PER_THREAD);
      assertThat(delivery.sent() + delivery.droppedTotal() + diagnostics.queue().held())
          .as(run + ": accepted = sent + dropped + held")
          .isEqualTo(delivery.accepted());
      assertThat(delivery.sent())
          .as(run + ": every stored event counted once")
          .isEqualTo(stored.size());
      assertThat(server.duplicates).as(run).hasValue(0);
      assertThat(server.storedNames()).as(run).noneMatch(name -> name.startsWith("poisoned"));
      assertThat(delivery.failed()).as(run).isFalse();
      assertThat(delivery.dropped().get(DropReason.REJECTED_BY_SERVER))
          .as(run + ": each poisoned event dropped alone")
          .isGreaterThan(0);
      assertThat(delivery.listenerFailures()).as(run).isGreaterThan(0);
    } finally {
      running.set(false);
      time.join();
      client.close(Duration.ZERO);
    }
  }
}
