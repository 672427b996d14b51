package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whatever the database does, track() works, nothing is lost silently, and the cause is clear. */
class OutboxFailureTest extends OutboxTestSupport {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().disableRateLimit());

  @Test
  void aDatabaseUnreachableAtStartupLeavesTrackWorkingThroughMemoryUntilItIsReachable() {
    HikariDataSource pool = closeAfter(TestDatabase.H2.open());
    SwitchableDataSource database = new SwitchableDataSource(pool);
    String table = TestDatabase.uniqueTable();

    CrossdeckServer client = client(emulator.baseUrl(), database, table);
    TrackResult whileDown = client.track(event(1));
    Diagnostics.Outbox down = client.diagnostics().outbox();
    emulator.awaitEvents(1, Duration.ofSeconds(10));
    database.reachable.set(true);
    await().until(() -> client.diagnostics().outbox().ready());
    client.track(event(2));
    FlushResult flush = client.flush(Duration.ofSeconds(10));

    assertThat(whileDown.queued()).isTrue();
    assertThat(down.ready()).isFalse();
    assertThat(down.fallbacks()).isEqualTo(1);
    assertThat(down.lastError()).contains("connection refused");
    assertThat(flush.allDelivered()).as("%s", flush).isTrue();
    assertThat(emulator.awaitEvents(2, Duration.ofSeconds(5))).hasSize(2);
    assertThat(client.diagnostics().outbox().written()).as("the second, in the table").isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void writesThatFailGoToMemoryAndAreDeliveredFromThere(TestDatabase database) {
    HikariDataSource pool = closeAfter(database.open());
    String table = TestDatabase.uniqueTable();
    CrossdeckServer client = client(emulator.baseUrl(), pool, table);
    new OutboxTable(pool, table).drop();

    TrackResult first = client.track(event(1));
    TrackResult second = client.track(event(2));

    assertThat(first.queued()).isTrue();
    assertThat(second.queued()).isTrue();
    assertThat(emulator.awaitEvents(2, Duration.ofSeconds(10))).hasSize(2);
    Diagnostics diagnostics = client.diagnostics();
    assertThat(diagnostics.outbox().fallbacks()).isEqualTo(2);
    assertThat(diagnostics.outbox().lastError()).containsIgnoringCase(table);
    assertThat(diagnostics.delivery().accepted()).isEqualTo(2);
  }

  @Test
  void anUnsupportedDatabaseFailsTheBuildNamingTheSupportedOnes() {
    HikariDataSource pool = closeAfter(TestDatabase.H2.open());
    DataSource mysql = new ProductNamed(pool, "MySQL");

    assertThatThrownBy(() -> client(emulator.baseUrl(), mysql, TestDatabase.uniqueTable()))
        .isInstanceOf(CrossdeckException.class)
        .hasMessageContaining("MySQL")
        .hasMessageContaining("PostgreSQL (10 or later) and H2 (2.x)")
        .extracting(e -> ((CrossdeckException) e).code())
        .isEqualTo(ErrorCodes.INVALID_OPTION);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMissingTableTheClientMayNotCreateFailsTheBuildNamingIt(TestDatabase database) {
    HikariDataSource pool = closeAfter(database.open());
    String table = TestDatabase.uniqueTable();

    assertThatThrownBy(
            () ->
                client(
                    emulator.baseUrl(),
                    pool,
                    table,
                    outbox -> outbox.createTable(false),
                    options -> options))
        .isInstanceOf(CrossdeckException.class)
        .hasMessageContaining("table " + table + " is missing")
        .hasMessageContaining("DDL");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aServerThatRetiredThisVersionParksTheRelayAndTheRowsStayInTheTable(TestDatabase database) {
    HikariDataSource pool = closeAfter(database.open());
    String table = TestDatabase.uniqueTable();
    emulator.faults().failNext(100, 426);
    CrossdeckServer client = client(emulator.baseUrl(), pool, table);

    IntStream.range(0, 5).forEach(i -> client.track(event(i)));
    FlushResult flush = client.flush(Duration.ofSeconds(10));
    FlushResult closed = client.close(Duration.ofSeconds(1));

    assertThat(flush.completed()).isFalse();
    assertThat(client.diagnostics().delivery().parked()).isTrue();
    assertThat(closed.remaining()).isEqualTo(5);
    assertThat(closed.dropped()).isZero();
    assertThat(new OutboxTable(pool, table).rows()).isEqualTo(5);
    assertThat(new OutboxTable(pool, table).claimedRows()).as("claims let go").isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void everyAcceptedEventIsSentDroppedOrHeldInMemoryOrInTheTable(TestDatabase database) {
    HikariDataSource pool = closeAfter(database.open());
    String table = TestDatabase.uniqueTable();
    emulator.faults().failNext(1_000, 503);
    RefusingCallers writes = new RefusingCallers(pool);
    CrossdeckServer client =
        client(emulator.baseUrl(), writes, table, o -> o, o -> o.clock(new ManualClock()));
    IntStream.range(0, 40).forEach(i -> client.track(event(i)));
    writes.refused = Thread.currentThread();
    IntStream.range(40, 50).forEach(i -> client.track(event(i)));

    FlushResult closed = client.close(Duration.ZERO);

    Diagnostics diagnostics = client.diagnostics();
    assertThat(diagnostics.delivery().accepted()).isEqualTo(50);
    assertThat(diagnostics.outbox().fallbacks()).isEqualTo(10);
    assertThat(closed.dropped()).as("memory's share, at shutdown").isEqualTo(10);
    Accounting.assertBalances(client);
  }

  /** A data source that refuses connections to one thread: writes fail, the relay works. */
  private static final class RefusingCallers extends DelegatingDataSource {
    volatile Thread refused;

    RefusingCallers(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (Thread.currentThread() == refused) {
        throw new SQLTransientConnectionException("connection refused", "08001");
      }
      return super.getConnection();
    }
  }

  /** A data source that refuses connections until switched on, like a database still starting. */
  private static final class SwitchableDataSource extends DelegatingDataSource {
    final AtomicBoolean reachable = new AtomicBoolean();

    SwitchableDataSource(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (!reachable.get()) {
        throw new SQLTransientConnectionException("connection refused", "08001");
      }
      return super.getConnection();
    }
  }

  /** A data source whose metadata names another database product. */
  private static final class ProductNamed extends DelegatingDataSource {
    private final String product;

    ProductNamed(DataSource target, String product) {
      super(target);
      this.product = product;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = super.getConnection();
      DatabaseMetaData metadata = connection.getMetaData();
      DatabaseMetaData renamed =
          (DatabaseMetaData)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {DatabaseMetaData.class},
                  (proxy, method, args) ->
                      method.getName().equals("getDatabaseProductName")
                          ? product
                          : method.invoke(metadata, args));
      return (Connection)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) ->
                  method.getName().equals("getMetaData")
                      ? renamed
                      : method.invoke(connection, args));
    }
  }

  private abstract static class DelegatingDataSource implements DataSource {
    private final DataSource target;

    DelegatingDataSource(DataSource target) {
      this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return target.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
