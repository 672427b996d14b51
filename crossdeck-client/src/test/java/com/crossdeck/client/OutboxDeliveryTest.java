package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.RecordedRequest;
import com.crossdeck.emulator.StoredEvent;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Events travel through the outbox table: written, claimed, delivered once, deleted. */
class OutboxDeliveryTest extends OutboxTestSupport {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().disableRateLimit());

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void everyTrackedEventIsDeliveredOnceAndItsRowDeleted(TestDatabase database) {
    HikariDataSource pool = closeAfter(database.open());
    String table = TestDatabase.uniqueTable();
    CrossdeckServer client = client(emulator.baseUrl(), pool, table);

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      ids.add(client.track(event(i)).eventId());
    }
    FlushResult flush = client.flush(Duration.ofSeconds(20));

    assertThat(flush.allDelivered()).as("%s", flush).isTrue();
    assertThat(emulator.awaitEvents(250, Duration.ofSeconds(5)))
        .extracting(StoredEvent::eventId)
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(new OutboxTable(pool, table).rows()).isZero();
    Diagnostics diagnostics = client.diagnostics();
    assertThat(diagnostics.outbox().written()).isEqualTo(250);
    assertThat(diagnostics.outbox().depth()).isZero();
    assertThat(diagnostics.outbox().fallbacks()).isZero();
    assertThat(diagnostics.delivery().accepted()).isEqualTo(250);
    assertThat(diagnostics.delivery().sent()).isEqualTo(250);
    assertThat(diagnostics.queue().held()).as("nothing went through memory").isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theDepthCountsRowsWrittenSinceTheTableWasLastMeasured(TestDatabase database) {
    HikariDataSource pool = closeAfter(database.open());
    String table = TestDatabase.uniqueTable();
    // The relay waits on a clock nobody advances: it measures the table once, then claims nothing.
    CrossdeckServer client =
        client(emulator.baseUrl(), pool, table, outbox -> outbox, o -> o.clock(new ManualClock()));
    await().until(() -> client.diagnostics().outbox().checkedAt() != null);

    for (int i = 0; i < 12; i++) {
      client.track(event(i));
    }

    assertThat(new OutboxTable(pool, table).rows()).isEqualTo(12);
    assertThat(client.diagnostics().outbox().depth()).isEqualTo(12);
    assertThat(emulator.storedEventCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void eventsLeftWhenAClientClosedAreDeliveredByTheNextWithTheirIdsAndTimestamps(
      TestDatabase database) {
    HikariDataSource pool = closeAfter(database.open());
    String table = TestDatabase.uniqueTable();
    emulator.faults().failNext(1_000, 503);
    ManualClock firstClock = new ManualClock();
    CrossdeckServer first =
        client(emulator.baseUrl(), pool, table, outbox -> outbox, o -> o.clock(firstClock));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(first.track(event(i)).eventId());
    }
    await().until(() -> !emulator.requests().isEmpty());
    FlushResult closed = first.close(Duration.ZERO);
    assertThat(closed.remaining()).as("left in the table, not dropped").isEqualTo(30);
    assertThat(closed.dropped()).isZero();
    emulator.faults().clear();

    ManualClock laterClock = new ManualClock();
    laterClock.advance(Duration.ofHours(1));
    CrossdeckServer next =
        client(emulator.baseUrl(), pool, table, outbox -> outbox, o -> o.clock(laterClock));
    FlushResult flush = next.flush(Duration.ofSeconds(20));

    assertThat(flush.allDelivered()).as("%s", flush).isTrue();
    List<StoredEvent> stored = emulator.awaitEvents(30, Duration.ofSeconds(5));
    assertThat(stored).extracting(StoredEvent::eventId).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(stored)
        .extracting(StoredEvent::timestamp)
        .containsOnly(ManualClock.START_MILLIS)
        .hasSize(30);
    assertThat(new OutboxTable(pool, table).rows()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aBatchWhoseResponseWasLostBeforeACrashIsResentUnderItsKeyAndStoredOnce(
      TestDatabase database) {
    HikariDataSource pool = closeAfter(database.open());
    String table = TestDatabase.uniqueTable();
    emulator.faults().dropConnectionAfterProcessing(1);
    // The first client's relay waits out its backoff on a clock nobody advances: it is as good as
    // killed, still holding its claim on the rows.
    CrossdeckServer crashed =
        client(emulator.baseUrl(), pool, table, outbox -> outbox, o -> o.clock(new ManualClock()));
    for (int i = 0; i < 10; i++) {
      crashed.track(event(i));
    }
    crashed.flushAsync();
    await().until(() -> !emulator.requests().isEmpty());

    ManualClock afterTheClaimRanOut = new ManualClock();
    afterTheClaimRanOut.advance(Duration.ofMinutes(2));
    CrossdeckServer restarted =
        client(
            emulator.baseUrl(), pool, table, outbox -> outbox, o -> o.clock(afterTheClaimRanOut));
    FlushResult flush = restarted.flush(Duration.ofSeconds(20));

    assertThat(flush.completed()).as("%s", flush).isTrue();
    List<RecordedRequest> batches = eventRequests(emulator.requests());
    RecordedRequest lost = batches.get(0);
    assertThat(lost.connectionDropped()).isTrue();
    assertThat(batches.subList(1, batches.size()))
        .as("the lost batch again, same key, same bytes")
        .filteredOn(batch -> batch.header("Idempotency-Key").equals(lost.header("Idempotency-Key")))
        .singleElement()
        .satisfies(batch -> assertThat(batch.bodyAsString()).isEqualTo(lost.bodyAsString()));
    assertThat(emulator.storedEventCount()).isEqualTo(10);
    assertThat(emulator.duplicatesIgnored()).isZero();
    assertThat(new OutboxTable(pool, table).rows()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void twoClientsRelayingOneTableDeliverEveryEventOnceAndSendNoneTwice(TestDatabase database) {
    HikariDataSource firstPool = closeAfter(database.open());
    HikariDataSource secondPool = closeAfter(TestDatabase.another(firstPool));
    String table = TestDatabase.uniqueTable();
    CrossdeckServer first = client(emulator.baseUrl(), firstPool, table);
    CrossdeckServer second = client(emulator.baseUrl(), secondPool, table);

    CompletableFuture<Void> firstTracks =
        CompletableFuture.runAsync(
            () -> IntStream.range(0, 1_000).forEach(i -> first.track(event(i))));
    IntStream.range(1_000, 2_000).forEach(i -> second.track(event(i)));
    firstTracks.join();
    first.flush(Duration.ofSeconds(30));
    second.flush(Duration.ofSeconds(30));

    assertThat(emulator.awaitEvents(2_000, Duration.ofSeconds(10))).hasSize(2_000);
    List<String> sent = eventIdsAccepted(emulator.requests());
    assertThat(sent).as("no event in two accepted requests").hasSize(2_000);
    assertThat(new HashSet<>(sent)).hasSize(2_000);
    assertThat(emulator.duplicatesIgnored()).isZero();
    Diagnostics.Outbox firstOutbox = first.diagnostics().outbox();
    Diagnostics.Outbox secondOutbox = second.diagnostics().outbox();
    assertThat(firstOutbox.takenOver() + secondOutbox.takenOver()).isZero();
    long firstSent = first.diagnostics().delivery().sent();
    long secondSent = second.diagnostics().delivery().sent();
    assertThat(firstSent).as("the first relayed").isPositive();
    assertThat(secondSent).as("the second relayed").isPositive();
    assertThat(firstSent + secondSent).isEqualTo(2_000);
    assertThat(new OutboxTable(firstPool, table).rows()).isZero();
  }
}
