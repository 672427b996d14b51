package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.RecordedRequest;
import com.crossdeck.emulator.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against the emulator: two independent implementations of the contract agree. */
class EmulatorEndToEndTest {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private CrossdeckServer client;

  private CrossdeckServer client(int batchSize) {
    client =
        CrossdeckServer.builder(CrossdeckEmulator.TEST_SECRET_KEY)
            .baseUrl(emulator.baseUrl())
            .eventFlushBatchSize(batchSize)
            .flushOnExit(false)
            .build();
    return client;
  }

  @AfterEach
  void closeClient() {
    client.close(Duration.ofSeconds(5));
  }

  @Test
  void everyTrackedEventIsStoredOnceWithItsProperties() {
    CrossdeckServer crossdeck = client(20);

    for (int i = 0; i < 45; i++) {
      crossdeck.track(
          Event.builder("page_rendered").developerUserId("user_1").property("page", i).build());
    }
    crossdeck.flush(Duration.ofSeconds(10));

    List<StoredEvent> stored = emulator.awaitEvents(45, Duration.ofSeconds(5));
    assertThat(stored).hasSize(45);
    assertThat(stored.get(44).properties()).containsEntry("page", 44);
    assertThat(crossdeck.diagnostics().delivery().droppedTotal()).isZero();
  }

  @Test
  void aNumberTooLongForTheServersJsonParserCostsNoOtherEventOfItsBatch() {
    CrossdeckServer crossdeck = client(100);
    java.math.BigInteger digits1205 = new java.math.BigInteger("7".repeat(1205));

    for (int i = 0; i < 100; i++) {
      Event.Builder event = Event.builder("page_rendered").developerUserId("user_n");
      if (i == 50) {
        event.property("huge", digits1205);
      }
      crossdeck.track(event.property("page", i).build());
    }
    FlushResult result = crossdeck.flush(Duration.ofSeconds(10));

    assertThat(result.allDelivered()).isTrue();
    List<StoredEvent> stored = emulator.awaitEvents(100, Duration.ofSeconds(5));
    assertThat(stored).hasSize(100);
    assertThat(stored.get(50).properties()).containsEntry("huge", "7".repeat(1205));
  }

  @Test
  void aLostResponseIsRetriedUnderTheSameKeyAndStoredOnce() {
    emulator.faults().dropConnectionAfterProcessing(2);
    CrossdeckServer crossdeck = client(10);

    for (int i = 0; i < 10; i++) {
      crossdeck.track(Event.builder("renewal").developerUserId("user_2").eventId("r_" + i).build());
    }
    FlushResult result = crossdeck.flush(Duration.ofSeconds(20));

    assertThat(result.completed()).isTrue();
    assertThat(emulator.requests()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(emulator.awaitEvents(10, Duration.ofSeconds(5))).hasSize(10);
    assertThat(emulator.storedEventCount()).isEqualTo(10);
  }

  @Test
  void aRateLimitedBatchIsRetriedAfterRetryAfterAndStoredOnce() {
    emulator.faults().failNext(1, 429, Duration.ofMillis(300));
    CrossdeckServer crossdeck = client(5);

    for (int i = 0; i < 5; i++) {
      crossdeck.track(Event.builder("burst").anonymousId("anon_rl").build());
    }
    crossdeck.flush(Duration.ofSeconds(20));

    assertThat(emulator.awaitEvents(5, Duration.ofSeconds(5))).hasSize(5);
    List<RecordedRequest> posts =
        emulator.requests().stream().filter(r -> r.path().equals("/v1/events")).toList();
    assertThat(posts).extracting(RecordedRequest::status).containsExactly(429, 202);
    assertThat(Duration.between(posts.get(0).receivedAt(), posts.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void identifyBackAttributesEarlierAnonymousEvents() {
    CrossdeckServer crossdeck = client(20);
    crossdeck.track(Event.builder("viewed_pricing").anonymousId("anon_visitor").build());
    crossdeck.flush(Duration.ofSeconds(5));

    AliasResult alias = crossdeck.identify("user_3", "anon_visitor");
    crossdeck.track(Event.builder("signup_completed").developerUserId("user_3").build());
    crossdeck.flush(Duration.ofSeconds(5));

    emulator.awaitEvents(2, Duration.ofSeconds(5));
    assertThat(emulator.timeline("user_3"))
        .extracting(StoredEvent::name)
        .containsExactly("viewed_pricing", "signup_completed");
    assertThat(emulator.customerId("anon_visitor")).contains(alias.crossdeckCustomerId());
  }

  @Test
  void reRunningAnImportWithTheSameKeyStoresNothingTwice() {
    CrossdeckServer crossdeck = client(20);
    List<Event> events =
        IntStream.range(0, 250)
            .mapToObj(i -> Event.builder("imported").developerUserId("user_" + i % 5).build())
            .toList();

    IngestResponse first = crossdeck.ingest(events, IngestOptions.withIdempotencyKey("backfill-1"));
    IngestResponse rerun = crossdeck.ingest(events, IngestOptions.withIdempotencyKey("backfill-1"));

    assertThat(first.received()).isEqualTo(250);
    assertThat(rerun.received()).as("the original responses, replayed").isEqualTo(250);
    assertThat(emulator.requests()).filteredOn(r -> r.path().equals("/v1/events")).hasSize(6);
    assertThat(emulator.awaitEvents(250, Duration.ofSeconds(5))).hasSize(250);
    assertThat(emulator.storedEventCount()).isEqualTo(250);
  }

  @Test
  void heartbeatConfirmsTheKey() {
    CrossdeckServer crossdeck = client(20);

    HeartbeatResult heartbeat = crossdeck.heartbeat();

    assertThat(heartbeat.ok()).isTrue();
    assertThat(heartbeat.environment()).isEqualTo("sandbox");
  }
}
