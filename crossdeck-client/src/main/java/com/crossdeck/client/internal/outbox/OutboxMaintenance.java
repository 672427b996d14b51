package com.crossdeck.client.internal.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Measures the table and keeps it within its bounds: rows beyond {@code maxRows} or {@code
 * maxBytes} are deleted oldest first, rows older than {@code maxAge} too, and the rejected table is
 * held to the same limits. Rows a live claim holds are never deleted here: the relay holding them
 * resolves them, so the bounds may be exceeded by the rows being delivered at that moment.
 *
 * <p>Several instances may trim the same table at once: each computes the same cutoff from the
 * table itself and deletes with one statement, so between them they delete each row once, and each
 * counts only the rows its own statement deleted. Used by the relay thread only.
 */
final class OutboxMaintenance {

  /**
   * The table, measured.
   *
   * @param rows rows waiting
   * @param bytes bytes of their events
   * @param oldestCreatedAt when the oldest was written, epoch milliseconds; 0 when there is none
   */
  record Measured(long rows, long bytes, long oldestCreatedAt) {}

  /**
   * What trimming deleted.
   *
   * @param overRows rows beyond {@code maxRows}
   * @param overBytes rows beyond {@code maxBytes}
   * @param expired rows older than {@code maxAge}
   */
  record Trimmed(long overRows, long overBytes, long expired) {

    long total() {
      return overRows + overBytes + expired;
    }
  }

  private final DataSource dataSource;
  private final OutboxSql sql;
  private final long maxRows;
  private final long maxBytes;
  private final long maxAgeMillis;

  OutboxMaintenance(
      DataSource dataSource, OutboxSql sql, long maxRows, long maxBytes, Duration maxAge) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
    this.maxAgeMillis = maxAge.toMillis();
  }

  /** Rows, bytes and age of the table, in one scan. */
  Measured measure() throws SQLException {
    try (Connection connection = Connections.autoCommitting(dataSource);
        PreparedStatement measure = connection.prepareStatement(sql.measure());
        ResultSet result = measure.executeQuery()) {
      result.next();
      return new Measured(result.getLong(1), result.getLong(2), result.getLong(3));
    }
  }

  /** Deletes what is over the bounds, given the table as last measured. */
  Trimmed trim(Measured measured, long nowMillis) throws SQLException {
    long expiredBefore = nowMillis - maxAgeMillis;
    try (Connection connection = Connections.autoCommitting(dataSource)) {
      long expired = 0;
      if (measured.rows() > 0 && measured.oldestCreatedAt() < expiredBefore) {
        expired = update(connection, sql.deleteOlderThan(), expiredBefore, nowMillis);
      }
      long overRows = 0;
      if (measured.rows() - expired > maxRows) {
        Long cutoff = queryId(connection, sql.rowsCutoff(), maxRows);
        overRows = cutoff == null ? 0 : update(connection, sql.deleteUpTo(), cutoff, nowMillis);
      }
      long overBytes = 0;
      if (measured.bytes() > maxBytes) {
        Long cutoff = queryId(connection, sql.bytesCutoff(), maxBytes);
        overBytes = cutoff == null ? 0 : update(connection, sql.deleteUpTo(), cutoff, nowMillis);
      }
      update(connection, sql.pruneRejectedByAge(), expiredBefore);
      Long rejectedCutoff = queryId(connection, sql.rejectedCutoff(), maxRows);
      if (rejectedCutoff != null) {
        update(connection, sql.pruneRejectedUpTo(), rejectedCutoff);
      }
      return new Trimmed(overRows, overBytes, expired);
    }
  }

  /** The newest row's id, or 0 when the table is empty. */
  long newestId() throws SQLException {
    try (Connection connection = Connections.autoCommitting(dataSource)) {
      Long newest = queryId(connection, sql.maxId());
      return newest == null ? 0 : newest;
    }
  }

  /** Rows at or below an id. */
  long countUpTo(long id) throws SQLException {
    try (Connection connection = Connections.autoCommitting(dataSource)) {
      Long count = queryId(connection, sql.countUpTo(), id);
      return count == null ? 0 : count;
    }
  }

  private static Long queryId(Connection connection, String query, long... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, query, parameters);
        ResultSet result = statement.executeQuery()) {
      if (!result.next()) {
        return null;
      }
      long value = result.getLong(1);
      return result.wasNull() ? null : value;
    }
  }

  private static long update(Connection connection, String statement, long... parameters)
      throws SQLException {
    try (PreparedStatement update = prepare(connection, statement, parameters)) {
      return update.executeUpdate();
    }
  }

  private static PreparedStatement prepare(
      Connection connection, String statement, long... parameters) throws SQLException {
    PreparedStatement prepared = connection.prepareStatement(statement);
    try {
      for (int i = 0; i < parameters.length; i++) {
        prepared.setLong(i + 1, parameters[i]);
      }
      return prepared;
    } catch (SQLException | RuntimeException e) {
      prepared.close();
      throw e;
    }
  }
}
