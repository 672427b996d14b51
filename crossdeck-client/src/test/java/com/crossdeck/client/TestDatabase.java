package com.crossdeck.client;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the outbox supports, as tests use them: an in-memory H2 database, and a real
 * PostgreSQL server, started once for the whole test run (a few seconds) and shared; each test uses
 * tables of its own name, so tests never see each other's rows.
 */
enum TestDatabase {
  H2 {
    @Override
    String jdbcUrl() {
      return "jdbc:h2:mem:outbox" + SEQUENCE.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }
  },
  POSTGRESQL {
    @Override
    String jdbcUrl() {
      return SharedPostgres.INSTANCE.getJdbcUrl("postgres", "postgres");
    }
  };

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  abstract String jdbcUrl();

  /** A new pool on this database: for H2 a new, empty database; for PostgreSQL the shared one. */
  HikariDataSource open() {
    return pool(jdbcUrl());
  }

  /** A second pool on the same database as {@code other}, as a second process would have. */
  static HikariDataSource another(HikariDataSource other) {
    return pool(other.getJdbcUrl());
  }

  /** A table name no other test uses. */
  static String uniqueTable() {
    return "outbox_" + SEQUENCE.incrementAndGet();
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (url.startsWith("jdbc:postgresql:")) {
      config.setUsername("postgres");
      config.setPassword("postgres");
    }
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(5_000);
    config.setPoolName("outbox-test-" + SEQUENCE.incrementAndGet());
    return new HikariDataSource(config);
  }

  /**
   * One PostgreSQL server for every test of the run; it stops with the JVM. Commits do not wait for
   * the disk: these tests are about what the client does, on a machine other builds share, and no
   * test of this module crashes the server.
   */
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
