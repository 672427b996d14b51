package com.crossdeck.client.internal.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** How the outbox borrows connections from the application's pool, in one place. */
final class Connections {

  private Connections() {}

  /**
   * A connection whose statements each commit on their own, whatever the pool's default: one round
   * trip per statement, no transaction left open.
   */
  static Connection autoCommitting(DataSource dataSource) throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Rolls back after {@code cause}, recording a failure to do so on it. */
  static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
