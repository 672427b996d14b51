package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.StoredEvent;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An event tracked in a transaction is stored if and only if the transaction commits. */
class OutboxTransactionTest extends OutboxTestSupport {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().disableRateLimit());

  private final long orderId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  private HikariDataSource pool;
  private JdbcTransactions transactions;
  private OutboxTable table;
  private CrossdeckServer client;

  private void start(TestDatabase database) throws SQLException {
    pool = closeAfter(database.open());
    JdbcTransactions.createOrders(pool);
    transactions = new JdbcTransactions(pool);
    table = new OutboxTable(pool, TestDatabase.uniqueTable());
    client =
        client(
            emulator.baseUrl(),
            pool,
            table.name(),
            outbox -> outbox.transactions(transactions),
            options -> options);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEventTrackedInATransactionThatRollsBackIsNeitherWrittenNorSent(TestDatabase database)
      throws SQLException {
    start(database);

    JdbcTransactions.Transaction transaction = transactions.begin();
    transaction.insertOrder(orderId);
    TrackResult tracked = client.track(event(1));
    transaction.rollback();
    FlushResult flush = client.flush(Duration.ofSeconds(10));

    assertThat(tracked.queued()).isTrue();
    assertThat(flush.completed()).isTrue();
    assertThat(table.rows()).isZero();
    assertThat(emulator.requests()).isEmpty();
    Diagnostics diagnostics = client.diagnostics();
    assertThat(diagnostics.outbox().rolledBack()).isEqualTo(1);
    assertThat(diagnostics.delivery().accepted()).as("never accepted").isZero();
    assertThat(diagnostics.delivery().droppedTotal()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void eventsTrackedInATransactionAreWrittenWithItsDataAndDeliveredOnceAfterItCommits(
      TestDatabase database) throws SQLException {
    start(database);

    JdbcTransactions.Transaction transaction = transactions.begin();
    transaction.insertOrder(orderId);
    String first = client.track(event(1)).eventId();
    String second = client.track(event(2)).eventId();
    long visibleBeforeCommit = table.rows();
    transaction.commit();
    FlushResult flush = client.flush(Duration.ofSeconds(10));

    assertThat(visibleBeforeCommit).isZero();
    assertThat(JdbcTransactions.orders(pool, orderId)).isEqualTo(1);
    assertThat(flush.allDelivered()).as("%s", flush).isTrue();
    assertThat(emulator.awaitEvents(2, Duration.ofSeconds(5)))
        .extracting(StoredEvent::eventId)
        .containsExactlyInAnyOrder(first, second);
    assertThat(table.rows()).isZero();
    Diagnostics diagnostics = client.diagnostics();
    assertThat(diagnostics.outbox().written()).isEqualTo(2);
    assertThat(diagnostics.delivery().accepted()).isEqualTo(2);
    assertThat(diagnostics.delivery().sent()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aWriteThatFailsInTheTransactionLeavesItsDataCommittedAndTheEventDeliveredAnyway(
      TestDatabase database) throws SQLException {
    start(database);
    JdbcTransactions.Transaction transaction = transactions.begin();
    transaction.insertOrder(orderId);
    client.track(event(1));
    // On PostgreSQL a failed statement dooms its transaction; the outbox's savepoint must not let
    // its own failure cost the application its data.
    table.drop();

    transaction.commit();

    assertThat(JdbcTransactions.orders(pool, orderId)).as("the order committed").isEqualTo(1);
    assertThat(emulator.awaitEvents(1, Duration.ofSeconds(10))).as("sent from memory").hasSize(1);
    Diagnostics diagnostics = client.diagnostics();
    assertThat(diagnostics.outbox().fallbacks()).isEqualTo(1);
    assertThat(diagnostics.outbox().lastError()).isNotNull();
    assertThat(diagnostics.delivery().accepted()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEventTrackedWhileTheTransactionCommitsIsWrittenOnceItHasCommitted(TestDatabase database)
      throws SQLException {
    start(database);
    JdbcTransactions.Transaction transaction = transactions.begin();
    transaction.insertOrder(orderId);
    client.track(event(1));
    String[] late = new String[1];

    transaction.commit(() -> late[0] = client.track(event(2)).eventId());
    FlushResult flush = client.flush(Duration.ofSeconds(10));

    assertThat(flush.allDelivered()).as("%s", flush).isTrue();
    assertThat(emulator.awaitEvents(2, Duration.ofSeconds(5)))
        .extracting(StoredEvent::eventId)
        .contains(late[0]);
    assertThat(client.diagnostics().outbox().written()).isEqualTo(2);
    assertThat(client.diagnostics().outbox().fallbacks()).isZero();
  }

  @Test
  void aTransactionHoldsAtMostTheOutboxsLimitAndRefusesTheEventsBeyondIt() throws SQLException {
    start(TestDatabase.H2);
    JdbcTransactions.Transaction transaction = transactions.begin();

    TrackResult last = null;
    for (int i = 0; i <= 100_000; i++) {
      last = client.track(event(i));
    }
    transaction.rollback();

    assertThat(last.errorCode()).isEqualTo(ErrorCodes.OUTBOX_TRANSACTION_FULL);
    assertThat(last.message()).contains("100,000 events");
    assertThat(client.diagnostics().outbox().rolledBack()).isEqualTo(100_000);
    assertThat(client.diagnostics().delivery().rejected())
        .containsEntry(ErrorCodes.OUTBOX_TRANSACTION_FULL, 1L);
  }
}
