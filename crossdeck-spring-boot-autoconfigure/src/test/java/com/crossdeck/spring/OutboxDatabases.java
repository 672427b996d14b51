package com.crossdeck.spring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for the outbox's tests: a new in-memory H2 database each time, or the one real
 * PostgreSQL server of the test run (started on first use, stopped with the JVM), as {@code
 * spring.datasource.*} properties.
 */
public enum OutboxDatabases {
  H2,
  POSTGRESQL;

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** Properties for a data source on this database. */
  public String[] properties() {
    if (this == H2) {
      return new String[] {
        "spring.datasource.url=jdbc:h2:mem:starter"
            + SEQUENCE.incrementAndGet()
            + ";DB_CLOSE_DELAY=-1"
      };
    }
    return new String[] {
      "spring.datasource.url=" + SharedPostgres.INSTANCE.getJdbcUrl("postgres", "postgres"),
      "spring.datasource.username=postgres",
      "spring.datasource.password=postgres"
    };
  }

  /** A name no other test uses, for tables. */
  public static String unique(String prefix) {
    return prefix + "_" + SEQUENCE.incrementAndGet();
  }

  /** Commits do not wait for the disk: no test of this module crashes the server. */
  private static final class SharedPostgres {
    static final EmbeddedPostgres INSTANCE = start();

    private static EmbeddedPostgres start() {
      try {
        return EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "off").start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
      }
    }
  }
}
