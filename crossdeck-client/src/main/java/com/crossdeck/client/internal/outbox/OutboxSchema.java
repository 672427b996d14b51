package com.crossdeck.client.internal.outbox;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the database for the outbox: recognises it, checks that both tables exist with every
 * column the client uses, and creates them when they are missing and it may.
 */
final class OutboxSchema {

  private static Logger log() {
    return LoggerFactory.getLogger(OutboxSchema.class);
  }

  /**
   * What setting up found.
   *
   * @param dialect the database's dialect
   * @param description the database product and version
   */
  record Database(OutboxDialect dialect, String description) {}

  private OutboxSchema() {}

  /**
   * Sets up the tables.
   *
   * @throws OutboxSetupException when the database is not supported, or a table is missing (or
   *     lacks a column) and may not or could not be created: configuration errors
   * @throws SQLException when the database could not be reached or failed otherwise: worth retrying
   */
  static Database setUp(DataSource dataSource, OutboxSql sql, boolean createTables)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metadata = connection.getMetaData();
      OutboxDialect dialect = OutboxDialect.of(metadata.getDatabaseProductName());
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try {
        ensure(connection, sql.probeTable(), sql.ddl().get(0), sql.table(), createTables);
        ensure(
            connection,
            sql.probeRejectedTable(),
            sql.ddl().get(1),
            sql.rejectedTable(),
            createTables);
        if (dialect == OutboxDialect.H2) {
          warnAboutH2Durability(connection, metadata.getURL());
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
      return new Database(
          dialect, metadata.getDatabaseProductName() + " " + metadata.getDatabaseProductVersion());
    }
  }

  private static void ensure(
      Connection connection, String probe, String ddl, String table, boolean create)
      throws SQLException {
    SQLException missing;
    try {
      execute(connection, probe);
      return;
    } catch (SQLException e) {
      if (!isSchemaError(e)) {
        throw e;
      }
      missing = e;
    }
    if (!create) {
      throw new OutboxSetupException(
          "The Crossdeck outbox table "
              + table
              + " is missing or lacks a column ("
              + missing.getMessage()
              + "). Create it with the DDL in the README, or let the client create it"
              + " (createTable, crossdeck.outbox.create-table).",
          missing);
    }
    try {
      execute(connection, ddl);
      execute(connection, probe);
      log().info("Crossdeck created the outbox table {}", table);
    } catch (SQLException e) {
      if (!isSchemaError(e)) {
        throw e;
      }
      throw new OutboxSetupException(
          "The Crossdeck outbox table "
              + table
              + " could not be created, or an existing table of that name lacks a column ("
              + e.getMessage()
              + "). Compare it with the DDL in the README.",
          e);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * Whether a failure is about the schema (SQL state class 42: syntax error or access rule
   * violation, such as an unknown table or column, or no privilege), not the connection.
   */
  private static boolean isSchemaError(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("42");
  }

  /**
   * H2 writes committed transactions to its file up to {@code WRITE_DELAY} milliseconds later (500
   * by default): a process killed meanwhile loses them, outbox rows included. An in-memory database
   * keeps nothing at all across a restart.
   */
  private static void warnAboutH2Durability(Connection connection, String url) throws SQLException {
    if (url != null && url.startsWith("jdbc:h2:mem:")) {
      log()
          .warn(
              "The Crossdeck outbox is in an in-memory H2 database: its events survive no restart."
                  + " Use a file or server database for durable delivery.");
      return;
    }
    try (Statement statement = connection.createStatement();
        ResultSet delay =
            statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      if (delay.next() && !"0".equals(delay.getString(1))) {
        log()
            .warn(
                "The Crossdeck outbox is in an H2 database with WRITE_DELAY={} ms: a process killed"
                    + " within that time after a commit loses the commit, outbox rows included. Add"
                    + " ;WRITE_DELAY=0 to the JDBC URL for durable delivery.",
                delay.getString(1));
      }
    }
  }
}
