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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rows the server refuses for good (written by an older SDK, or damaged) are moved aside with the
 * reason, and never hold up the rows around them.
 */
class OutboxPoisonTest extends OutboxTestSupport {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().disableRateLimit());

  private final RecordingListener listener = new RecordingListener();

  static String rawEvent(String eventId, String name) {
    return "{\"eventId\":\""
        + eventId
        + "\",\"name\":\""
        + name
        + "\",\"timestamp\":"
        + ManualClock.START_MILLIS
        + ",\"developerUserId\":\"user_raw\",\"properties\":{}}";
  }

  /**
   * The tables exist, and nothing is relaying them yet. Rows are written at the manual clock's
   * start.
   */
  private OutboxTable emptyTables(HikariDataSource pool) {
    String table = TestDatabase.uniqueTable();
    client(emulator.baseUrl(), pool, table).close(Duration.ZERO);
    return new OutboxTable(pool, table);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEventTheServerRefusesIsMovedAsideWithItsReasonAndTheOthersAreDelivered(
      TestDatabase database) {
    HikariDataSource pool = closeAfter(database.open());
    OutboxTable table = emptyTables(pool);
    for (int i = 0; i < 10; i++) {
      table.insert(rawEvent("evt_raw_" + i, i == 4 ? "" : "raw"), ManualClock.START_MILLIS);
    }

    CrossdeckServer client =
        client(
            emulator.baseUrl(),
            pool,
            table.name(),
            o -> o,
            o -> o.clock(new ManualClock()).listener(listener));
    FlushResult flush = client.flush(Duration.ofSeconds(10));

    assertThat(flush.completed()).as("%s", flush).isTrue();
    assertThat(emulator.awaitEvents(9, Duration.ofSeconds(5)))
        .extracting(StoredEvent::eventId)
        .doesNotContain("evt_raw_4")
        .hasSize(9);
    assertThat(table.rows()).isZero();
    assertThat(table.rejected())
        .singleElement()
        .satisfies(
            rejected -> {
              assertThat(rejected.reason()).isEqualTo("invalid_event");
              assertThat(rejected.status()).isEqualTo(400);
              assertThat(rejected.code()).isEqualTo("missing_required_param");
              assertThat(rejected.payload()).contains("evt_raw_4");
            });
    assertThat(client.diagnostics().outbox().movedAside()).isEqualTo(1);
    assertThat(client.diagnostics().delivery().dropped().get(DropReason.INVALID_EVENT))
        .isEqualTo(1);
    assertThat(listener.dropped)
        .containsExactly(new CrossdeckListener.EventsDropped(1, DropReason.INVALID_EVENT));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRowThatIsNotJsonIsIsolatedByHalvingItsBatchsAndMovedAside(TestDatabase database) {
    HikariDataSource pool = closeAfter(database.open());
    OutboxTable table = emptyTables(pool);
    IntStream.range(0, 40)
        .forEach(
            i ->
                table.insert(
                    i == 23
                        ? "{\"eventId\":\"evt_broken\",\"name\":"
                        : rawEvent("evt_ok_" + i, "raw"),
                    ManualClock.START_MILLIS));

    CrossdeckServer client =
        client(emulator.baseUrl(), pool, table.name(), o -> o, o -> o.clock(new ManualClock()));
    FlushResult flush = client.flush(Duration.ofSeconds(10));

    assertThat(flush.completed()).as("%s", flush).isTrue();
    assertThat(emulator.awaitEvents(39, Duration.ofSeconds(5))).hasSize(39);
    List<OutboxTable.Rejected> rejected = table.rejected();
    assertThat(rejected)
        .singleElement()
        .extracting(OutboxTable.Rejected::code)
        .isEqualTo("invalid_json");
    assertThat(rejected.get(0).reason()).isEqualTo("rejected_by_server");
    assertThat(rejected.get(0).payload()).contains("evt_broken");
    await().until(() -> table.rows() == 0);
  }
}
