package com.crossdeck.client.internal.outbox;

import java.util.Locale;

/**
 * The databases the outbox supports, and how they differ for it. Both have {@code FOR UPDATE SKIP
 * LOCKED}, identity columns and {@code = ANY(array)}, so every statement is shared but one: how
 * rows are written inside the application's transaction.
 */
enum OutboxDialect {

  /**
   * A failed statement aborts the whole transaction on PostgreSQL, so a write inside the
   * application's transaction is guarded by a savepoint, sent with the insert in one round trip.
   */
  POSTGRESQL("PostgreSQL"),

  /**
   * H2 2.x: a failed statement leaves the transaction usable; a JDBC savepoint undoes part-writes.
   */
  H2("H2");

  private final String productName;

  OutboxDialect(String productName) {
    this.productName = productName;
  }

  /**
   * The dialect of a database, from {@code DatabaseMetaData#getDatabaseProductName()}.
   *
   * @throws OutboxSetupException naming the supported databases, for any other
   */
  static OutboxDialect of(String databaseProductName) {
    String name = databaseProductName == null ? "" : databaseProductName.toLowerCase(Locale.ROOT);
    for (OutboxDialect dialect : values()) {
      if (name.equals(dialect.productName.toLowerCase(Locale.ROOT))) {
        return dialect;
      }
    }
    throw new OutboxSetupException(
        "The Crossdeck outbox supports PostgreSQL (10 or later) and H2 (2.x); this data source is "
            + databaseProductName
            + ". Turn the outbox off, or point it at a supported database.");
  }
}
