package com.crossdeck.client.outbox;

import static com.crossdeck.client.internal.OptionChecks.invalid;
import static com.crossdeck.client.internal.OptionChecks.requireDuration;
import static com.crossdeck.client.internal.OptionChecks.requireRange;

import com.crossdeck.client.CrossdeckException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Turns on durable delivery: a transactional outbox in the application's database replaces the
 * in-memory queue as the source of truth for tracked events. Pass it to {@code
 * CrossdeckServer.builder(key).outbox(...)}.
 *
 * <pre>{@code
 * CrossdeckServer crossdeck = CrossdeckServer.builder(key)
 *     .outbox(OutboxOptions.builder(dataSource).build())
 *     .build();
 * }</pre>
 *
 * <p>{@code track()} then writes each event as a row of the outbox table (one insert; inside a
 * transaction joined through {@link OutboxTransactions}, one batch per transaction, written just
 * before it commits), and one daemon thread, {@code crossdeck-outbox-relay}, claims committed rows
 * in order, sends them through the normal delivery path and deletes them after the server accepted
 * them. Events survive {@code kill -9}, an {@code OutOfMemoryError} and the loss of the machine,
 * and several instances may share one table. PostgreSQL (10 or later) and H2 (2.x) are supported.
 *
 * <p>Immutable and thread-safe. Each builder method checks its argument and throws a {@link
 * CrossdeckException} ({@code invalid_option}) naming the option and its valid range.
 */
public final class OutboxOptions {

  /** Default table name; the rows the server refused go to the same name with {@code _rejected}. */
  public static final String DEFAULT_TABLE = "crossdeck_outbox";

  /** Default bound on rows waiting in the table, across every instance: one million. */
  public static final long DEFAULT_MAX_ROWS = 1_000_000;

  /** Default bound on the bytes of waiting events: 1 GiB. */
  public static final long DEFAULT_MAX_BYTES = 1L << 30;

  /** Default age after which a waiting event is deleted undelivered: 7 days. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

  /**
   * Default interval at which an idle relay looks for rows written by other instances, or left by a
   * previous run: 1 second. Rows this process writes wake the relay without it.
   */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

  private static final Pattern TABLE_NAME =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,53}");

  private final DataSource dataSource;
  private final String table;
  private final boolean createTable;
  private final long maxRows;
  private final long maxBytes;
  private final Duration maxAge;
  private final Duration pollInterval;
  private final OutboxTransactions transactions;

  private OutboxOptions(Builder builder) {
    this.dataSource = builder.dataSource;
    this.table = builder.table;
    this.createTable = builder.createTable;
    this.maxRows = builder.maxRows;
    this.maxBytes = builder.maxBytes;
    this.maxAge = builder.maxAge;
    this.pollInterval = builder.pollInterval;
    this.transactions = builder.transactions;
  }

  /**
   * Starts configuring an outbox in {@code dataSource}'s database.
   *
   * @param dataSource the application's data source (a connection pool); the outbox borrows a
   *     connection for each write outside a transaction and for each step of its relay
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** The data source of the outbox's database. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The outbox table, default {@value #DEFAULT_TABLE}. */
  public String table() {
    return table;
  }

  /**
   * The table rows the server refused for good are moved to: {@link #table()} + {@code _rejected}.
   */
  public String rejectedTable() {
    return table + "_rejected";
  }

  /** Whether the client creates missing tables at startup; default true. */
  public boolean createTable() {
    return createTable;
  }

  /** The most rows waiting in the table; the oldest beyond it are dropped, counted. */
  public long maxRows() {
    return maxRows;
  }

  /** The most bytes of waiting events; the oldest beyond it are dropped, counted. */
  public long maxBytes() {
    return maxBytes;
  }

  /** How long an event may wait before it is dropped as {@code expired}. */
  public Duration maxAge() {
    return maxAge;
  }

  /** How often an idle relay looks for rows it was not told about. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** How events join the application's transactions; {@link OutboxTransactions#NONE} by default. */
  public OutboxTransactions transactions() {
    return transactions;
  }

  @Override
  public String toString() {
    return "OutboxOptions{table="
        + table
        + ", createTable="
        + createTable
        + ", maxRows="
        + maxRows
        + ", maxBytes="
        + maxBytes
        + ", maxAge="
        + maxAge
        + ", pollInterval="
        + pollInterval
        + '}';
  }

  /** Configures {@link OutboxOptions}. Not thread-safe. */
  public static final class Builder {

    private final DataSource dataSource;
    private String table = DEFAULT_TABLE;
    private boolean createTable = true;
    private long maxRows = DEFAULT_MAX_ROWS;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private Duration maxAge = DEFAULT_MAX_AGE;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private OutboxTransactions transactions = OutboxTransactions.NONE;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * The outbox table, optionally schema-qualified ({@code app.crossdeck_outbox}): letters, digits
     * and underscores, starting with a letter or an underscore, at most 54 characters (the rejected
     * table adds 9); default {@value #DEFAULT_TABLE}.
     */
    public Builder table(String table) {
      if (table == null || !TABLE_NAME.matcher(table).matches()) {
        throw invalid(
            "outbox table must be a plain SQL name ([A-Za-z_][A-Za-z0-9_]*, at most 54 characters,"
                + " optionally after a schema name and a dot), got "
                + (table == null ? "null" : "'" + table + "'"));
      }
      this.table = table;
      return this;
    }

    /**
     * Whether missing tables are created at startup ({@code CREATE TABLE IF NOT EXISTS}); default
     * true. Turn it off when migrations own the schema (the DDL is in the README); startup then
     * fails with a clear message if a table is missing.
     */
    public Builder createTable(boolean createTable) {
      this.createTable = createTable;
      return this;
    }

    /** The most rows waiting in the table; 1 to 1,000,000,000, default 1,000,000. */
    public Builder maxRows(long maxRows) {
      requireRange("outbox maxRows", maxRows, 1, 1_000_000_000L, "");
      this.maxRows = maxRows;
      return this;
    }

    /** The most bytes of waiting events; 64 KiB to 1 TiB, default 1 GiB. */
    public Builder maxBytes(long maxBytes) {
      requireRange("outbox maxBytes", maxBytes, 64 * 1024, 1L << 40, " bytes");
      this.maxBytes = maxBytes;
      return this;
    }

    /** How long an event may wait before it is dropped as {@code expired}; 1 min to 365 days. */
    public Builder maxAge(Duration maxAge) {
      requireDuration("outbox maxAge", maxAge, Duration.ofMinutes(1), Duration.ofDays(365));
      this.maxAge = maxAge;
      return this;
    }

    /** How often an idle relay looks for rows it was not told about; 10 ms to 10 min, 1 s. */
    public Builder pollInterval(Duration pollInterval) {
      requireDuration(
          "outbox pollInterval", pollInterval, Duration.ofMillis(10), Duration.ofMinutes(10));
      this.pollInterval = pollInterval;
      return this;
    }

    /** How events join the application's transactions; default {@link OutboxTransactions#NONE}. */
    public Builder transactions(OutboxTransactions transactions) {
      this.transactions = Objects.requireNonNull(transactions, "transactions");
      return this;
    }

    /** The options. */
    public OutboxOptions build() {
      return new OutboxOptions(this);
    }
  }
}
