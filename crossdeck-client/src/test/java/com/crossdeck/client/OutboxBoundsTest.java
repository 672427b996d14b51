package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.StoredEvent;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The table is bounded: rows beyond {@code maxRows} or {@code maxBytes} are dropped oldest first,
 * rows older than {@code maxAge} are dropped as expired, each counted, logged and reported.
 */
class OutboxBoundsTest extends OutboxTestSupport {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().disableRateLimit());

  private final RecordingListener listener = new RecordingListener();

  /** A backlog left by instances that could not deliver it: rows nobody claims. */
  private OutboxTable backlog(HikariDataSource pool, int rows, int padding, long createdAt) {
    String table = TestDatabase.uniqueTable();
    client(emulator.baseUrl(), pool, table).close(Duration.ZERO);
    OutboxTable outbox = new OutboxTable(pool, table);
    String pad = "x".repeat(padding);
    IntStream.range(0, rows)
        .forEach(
            i ->
                outbox.insert(
                    "{\"eventId\":\"evt_backlog_"
                        + i
                        + "\",\"name\":\"backlog\",\"timestamp\":"
                        + createdAt
                        + ",\"developerUserId\":\"user_b\",\"properties\":{\"pad\":\""
                        + pad
                        + "\"}}",
                    createdAt));
    return outbox;
  }

  private static List<String> ids(int fromInclusive, int toExclusive) {
    return IntStream.range(fromInclusive, toExclusive).mapToObj(i -> "evt_backlog_" + i).toList();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void rowsBeyondMaxRowsAreDroppedOldestFirstCountedAndReported(TestDatabase database) {
    HikariDataSource pool = closeAfter(database.open());
    OutboxTable table = backlog(pool, 80, 0, ManualClock.START_MILLIS);

    CrossdeckServer client =
        client(
            emulator.baseUrl(),
            pool,
            table.name(),
            outbox -> outbox.maxRows(50),
            options -> options.clock(new ManualClock()).listener(listener));
    FlushResult flush = client.flush(Duration.ofSeconds(10));

    assertThat(flush.completed()).as("%s", flush).isTrue();
    assertThat(emulator.awaitEvents(50, Duration.ofSeconds(5)))
        .extracting(StoredEvent::eventId)
        .containsExactlyInAnyOrderElementsOf(ids(30, 80));
    assertThat(client.diagnostics().delivery().dropped().get(DropReason.QUEUE_FULL)).isEqualTo(30);
    assertThat(listener.dropped)
        .containsExactly(new CrossdeckListener.EventsDropped(30, DropReason.QUEUE_FULL));
    assertThat(table.rows()).isZero();
  }

  @Test
  void rowsBeyondMaxBytesAreDroppedOldestFirst() {
    HikariDataSource pool = closeAfter(TestDatabase.POSTGRESQL.open());
    OutboxTable table = backlog(pool, 100, 1_000, ManualClock.START_MILLIS);
    int rowBytes = table.payloads().get(0).length();
    int kept = 64 * 1024 / rowBytes;

    CrossdeckServer client =
        client(
            emulator.baseUrl(),
            pool,
            table.name(),
            outbox -> outbox.maxBytes(64 * 1024),
            options -> options.clock(new ManualClock()));
    client.flush(Duration.ofSeconds(10));

    assertThat(emulator.awaitEvents(kept, Duration.ofSeconds(5)))
        .extracting(StoredEvent::eventId)
        .containsExactlyInAnyOrderElementsOf(ids(100 - kept, 100));
    assertThat(client.diagnostics().delivery().dropped().get(DropReason.QUEUE_FULL))
        .isEqualTo(100 - kept);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void rowsOlderThanMaxAgeAreDroppedAsExpired(TestDatabase database) {
    HikariDataSource pool = closeAfter(database.open());
    OutboxTable table =
        backlog(pool, 20, 0, ManualClock.START_MILLIS - Duration.ofDays(8).toMillis());
    table.insert(OutboxPoisonTest.rawEvent("evt_recent", "recent"), ManualClock.START_MILLIS);

    CrossdeckServer client =
        client(
            emulator.baseUrl(),
            pool,
            table.name(),
            outbox -> outbox.maxAge(Duration.ofDays(7)),
            options -> options.clock(new ManualClock()).listener(listener));
    FlushResult flush = client.flush(Duration.ofSeconds(10));

    assertThat(flush.completed()).as("%s", flush).isTrue();
    assertThat(emulator.awaitEvents(1, Duration.ofSeconds(5)))
        .extracting(StoredEvent::eventId)
        .containsExactly("evt_recent");
    assertThat(client.diagnostics().delivery().dropped().get(DropReason.EXPIRED)).isEqualTo(20);
    assertThat(listener.dropped)
        .containsExactly(new CrossdeckListener.EventsDropped(20, DropReason.EXPIRED));
    assertThat(table.rows()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void rowsThatExpireWhileTheirBatchIsRetriedAreDroppedAndNotSentAgain(TestDatabase database) {
    HikariDataSource pool = closeAfter(database.open());
    String name = TestDatabase.uniqueTable();
    ManualClock clock = new ManualClock();
    emulator.faults().failNext(1_000, 503);
    CrossdeckServer client =
        client(
            emulator.baseUrl(),
            pool,
            name,
            outbox -> outbox.maxAge(Duration.ofMinutes(1)),
            options -> options.clock(clock).listener(listener));
    IntStream.range(0, 5).forEach(i -> client.track(event(i)));
    client.flushAsync();
    await().until(() -> emulator.requests().size() == 1);

    clock.advance(Duration.ofMinutes(2));

    await().until(() -> client.diagnostics().delivery().dropped().get(DropReason.EXPIRED) == 5);
    await().until(() -> new OutboxTable(pool, name).rows() == 0);
    assertThat(emulator.requests()).as("not sent again").hasSize(1);
    // The rows of the retried batch, and, reported apart, any the relay had not claimed yet.
    assertThat(listener.dropped)
        .allSatisfy(dropped -> assertThat(dropped.reason()).isEqualTo(DropReason.EXPIRED));
    assertThat(listener.dropped.stream().mapToLong(CrossdeckListener.EventsDropped::count).sum())
        .isEqualTo(5);
  }
}
