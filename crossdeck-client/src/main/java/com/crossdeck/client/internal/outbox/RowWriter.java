package com.crossdeck.client.internal.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Writes outbox rows, on the threads that track events: one row in a short transaction of its own,
 * or a transaction's rows on the application's connection, in one batch, leaving the application's
 * transaction as it was if the write fails. Thread-safe.
 */
final class RowWriter {

  private final DataSource dataSource;
  private final OutboxSql sql;
  private final OutboxDialect dialect;

  RowWriter(DataSource dataSource, OutboxSql sql, OutboxDialect dialect) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.dialect = dialect;
  }

  /** Writes one row and commits it, on a connection of its own. */
  void writeAlone(byte[] payload, long createdAt) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try (PreparedStatement insert = connection.prepareStatement(sql.insertOne())) {
        insert.setLong(1, createdAt);
        insert.setBytes(2, payload);
        insert.executeUpdate();
        if (!autoCommit) {
          connection.commit();
        }
      } catch (SQLException | RuntimeException e) {
        if (!autoCommit) {
          Connections.rollbackQuietly(connection, e);
        }
        throw e;
      }
    }
  }

  /**
   * Writes rows inside the transaction {@code connection} is in, without committing. If it fails,
   * the transaction is left as it was before the call and can still commit.
   */
  void writeInTransaction(Connection connection, Rows rows) throws SQLException {
    if (dialect == OutboxDialect.POSTGRESQL) {
      writeGuardedInOneRoundTrip(connection, rows);
    } else {
      writeWithSavepoint(connection, rows);
    }
  }

  private void writeGuardedInOneRoundTrip(Connection connection, Rows rows) throws SQLException {
    Long[] createdAt = new Long[rows.size()];
    byte[][] payloads = new byte[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      createdAt[i] = rows.createdAt(i);
      payloads[i] = rows.payload(i);
    }
    try (PreparedStatement insert = connection.prepareStatement(sql.insertInTransaction())) {
      insert.setArray(1, connection.createArrayOf("int8", createdAt));
      insert.setArray(2, connection.createArrayOf("bytea", payloads));
      insert.execute();
    } catch (SQLException | RuntimeException e) {
      try (Statement undo = connection.createStatement()) {
        undo.execute(sql.rollbackToSavepoint());
      } catch (SQLException undoFailed) {
        e.addSuppressed(undoFailed);
      }
      throw e;
    }
  }

  private void writeWithSavepoint(Connection connection, Rows rows) throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try (PreparedStatement insert = connection.prepareStatement(sql.insertOne())) {
      for (int i = 0; i < rows.size(); i++) {
        insert.setLong(1, rows.createdAt(i));
        insert.setBytes(2, rows.payload(i));
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback(savepoint);
      } catch (SQLException undoFailed) {
        e.addSuppressed(undoFailed);
      }
      throw e;
    }
    connection.releaseSavepoint(savepoint);
  }

  /** Rows to write together: the complete events and when they were written. */
  interface Rows {
    int size();

    byte[] payload(int index);

    long createdAt(int index);
  }
}
