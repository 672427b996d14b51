package com.crossdeck.client;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads and writes an outbox table directly, as an operator (or another SDK version) would. */
final class OutboxTable {

  /** A row moved to the rejected table. */
  record Rejected(long outboxId, String reason, int status, String code, String payload) {}

  private final DataSource dataSource;
  private final String table;

  OutboxTable(DataSource dataSource, String table) {
    this.dataSource = dataSource;
    this.table = table;
  }

  String name() {
    return table;
  }

  long rows() {
    return count("SELECT count(*) FROM " + table);
  }

  long claimedRows() {
    return count("SELECT count(*) FROM " + table + " WHERE claimed_by IS NOT NULL");
  }

  long rejectedRows() {
    return count("SELECT count(*) FROM " + table + "_rejected");
  }

  List<Rejected> rejected() {
    List<Rejected> rows = new ArrayList<>();
    query(
        "SELECT outbox_id, reason, status, code, payload FROM "
            + table
            + "_rejected ORDER BY rejected_id",
        result ->
            rows.add(
                new Rejected(
                    result.getLong(1),
                    result.getString(2),
                    result.getInt(3),
                    result.getString(4),
                    new String(result.getBytes(5), StandardCharsets.UTF_8))));
    return rows;
  }

  /** Payloads of the waiting rows, oldest first, as text. */
  List<String> payloads() {
    List<String> payloads = new ArrayList<>();
    query(
        "SELECT payload FROM " + table + " ORDER BY id",
        result -> payloads.add(new String(result.getBytes(1), StandardCharsets.UTF_8)));
    return payloads;
  }

  /** Writes a row as the SDK would, with the given complete event object. */
  void insert(String completeEvent, long createdAt) {
    execute(
        "INSERT INTO " + table + " (created_at, payload) VALUES (?, ?)",
        createdAt,
        completeEvent.getBytes(StandardCharsets.UTF_8));
  }

  void drop() {
    execute("DROP TABLE " + table);
  }

  private long count(String query) {
    long[] count = {0};
    query(query, result -> count[0] = result.getLong(1));
    return count[0];
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  private void query(String query, RowReader reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(query);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        reader.read(result);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void execute(String statement, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement prepared = connection.prepareStatement(statement)) {
      for (int i = 0; i < parameters.length; i++) {
        prepared.setObject(i + 1, parameters[i]);
      }
      prepared.execute();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
