package com.crossdeck.client;

import com.crossdeck.client.outbox.OutboxTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The smallest transaction manager an application could have: one JDBC transaction per thread,
 * joined by the outbox the way the Spring starter's is.
 */
final class JdbcTransactions implements OutboxTransactions {

  private final ThreadLocal<Transaction> current = new ThreadLocal<>();
  private final DataSource dataSource;

  JdbcTransactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Transaction begin() throws SQLException {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    Transaction transaction = new Transaction(connection);
    current.set(transaction);
    return transaction;
  }

  @Override
  public Participant join(Supplier<? extends Participant> open) {
    Transaction transaction = current.get();
    if (transaction == null) {
      return null;
    }
    if (transaction.participant == null) {
      transaction.participant = open.get();
    }
    return transaction.participant;
  }

  /** One transaction; commit or roll back, then it is over. */
  final class Transaction {
    private final Connection connection;
    private Participant participant;

    private Transaction(Connection connection) {
      this.connection = connection;
    }

    /** Writes business data in the transaction. */
    void insertOrder(long id) throws SQLException {
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO orders (id) VALUES (?)")) {
        insert.setLong(1, id);
        insert.executeUpdate();
      }
    }

    void commit() throws SQLException {
      commit(() -> {});
    }

    /** Commits, running {@code whileCommitting} after the outbox wrote, as late callbacks do. */
    void commit(Runnable whileCommitting) throws SQLException {
      try {
        if (participant != null) {
          participant.beforeCommit(connection);
        }
        whileCommitting.run();
        connection.commit();
        end(true);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        end(false);
        throw e;
      }
    }

    void rollback() throws SQLException {
      connection.rollback();
      end(false);
    }

    private void end(boolean committed) throws SQLException {
      current.remove();
      try {
        if (participant != null) {
          participant.afterCompletion(committed);
        }
      } finally {
        connection.close();
      }
    }
  }

  static void createOrders(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement create =
            connection.prepareStatement(
                "CREATE TABLE IF NOT EXISTS orders (id BIGINT PRIMARY KEY)")) {
      create.execute();
    }
  }

  static long orders(DataSource dataSource, long id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement("SELECT count(*) FROM orders WHERE id = ?")) {
      count.setLong(1, id);
      try (var result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }
}
