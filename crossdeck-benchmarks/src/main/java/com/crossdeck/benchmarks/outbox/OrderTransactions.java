package com.crossdeck.benchmarks.outbox;

import com.crossdeck.client.outbox.OutboxTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The business transactions of the benchmark: each inserts one order and tracks events, in one JDBC
 * transaction per call. The outbox joins them the way the Spring starter joins Spring's: its rows
 * are written on the transaction's connection just before the commit.
 */
final class OrderTransactions implements OutboxTransactions {

  /** What a transaction does between inserting its order and committing. */
  @FunctionalInterface
  interface Tracking {
    void track(long orderId);
  }

  private final ThreadLocal<Joined> current = new ThreadLocal<>();
  private final DataSource dataSource;

  OrderTransactions(DataSource dataSource) throws SQLException {
    this.dataSource = dataSource;
    try (Connection connection = dataSource.getConnection();
        Statement create = connection.createStatement()) {
      create.execute(
          "CREATE TABLE IF NOT EXISTS bench_orders (id BIGINT PRIMARY KEY, amount NUMERIC(12, 2))");
    }
  }

  /** Inserts order {@code orderId}, runs {@code tracking}, commits. */
  void placeOrder(long orderId, Tracking tracking) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      Joined joined = new Joined();
      current.set(joined);
      boolean committed = false;
      try {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO bench_orders (id, amount) VALUES (?, 49.99)")) {
          insert.setLong(1, orderId);
          insert.executeUpdate();
        }
        tracking.track(orderId);
        if (joined.participant != null) {
          joined.participant.beforeCommit(connection);
        }
        connection.commit();
        committed = true;
      } finally {
        current.remove();
        if (!committed) {
          connection.rollback();
        }
        if (joined.participant != null) {
          joined.participant.afterCompletion(committed);
        }
        connection.setAutoCommit(true);
      }
    }
  }

  @Override
  public Participant join(Supplier<? extends Participant> open) {
    Joined joined = current.get();
    if (joined == null) {
      return null;
    }
    if (joined.participant == null) {
      joined.participant = open.get();
    }
    return joined.participant;
  }

  /** The outbox's participant in the calling thread's transaction, once it joined. */
  private static final class Joined {
    Participant participant;
  }
}
