package com.crossdeck.benchmarks.outbox;

import com.crossdeck.benchmarks.sdk.CrossdeckDriver;
import com.crossdeck.benchmarks.sink.RawSink;
import com.crossdeck.benchmarks.sink.SinkPlan;
import com.crossdeck.benchmarks.sink.SinkStats;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.CrossdeckServerBuilder;
import com.crossdeck.client.outbox.OutboxOptions;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable delivery beside the in-memory path, in one run against one real PostgreSQL server
 * (embedded, started here, at its default settings: every commit waits for the disk) and the raw
 * sink: how fast one instance relays a backlog, what {@code track()} adds to a business
 * transaction, and how far the relay falls behind a burst. Every client runs in this JVM, one at a
 * time per measure; rounds interleave the paths.
 */
public final class OutboxBenchmark implements AutoCloseable {

  /** Any sandbox key: the raw sink ignores it. */
  private static final String SECRET_KEY = "cd_sk_test_benchmarks";

  private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);

  /**
   * How much each measure does.
   *
   * @param backlog rows one instance relays, and events the in-memory path delivers beside it
   * @param transactions business transactions timed per variant, one by one (as many again warm up
   *     first)
   * @param burst events tracked as fast as possible, ten per transaction
   */
  public record Sizes(int backlog, int transactions, int burst) {

    /** The sizes of the README's tables. */
    public static final Sizes FULL = new Sizes(50_000, 3_000, 20_000);

    /** Small enough for a test that the measures still run. */
    public static final Sizes QUICK = new Sizes(400, 100, 200);
  }

  private final Sizes sizes;
  private final EmbeddedPostgres postgres;
  private final HikariDataSource pool;
  private final OrderTransactions transactions;
  private final RawSink sink;
  private final String database;
  private final AtomicLong orderIds = new AtomicLong();
  private int tables;
  private byte[] bareRow = new byte[0];

  private OutboxBenchmark(Sizes sizes, EmbeddedPostgres postgres) throws SQLException {
    this.sizes = sizes;
    this.postgres = postgres;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setPassword("postgres");
    config.setMaximumPoolSize(8);
    config.setPoolName("bench-outbox");
    this.pool = new HikariDataSource(config);
    this.transactions = new OrderTransactions(pool);
    this.sink = RawSink.start();
    try (Connection connection = pool.getConnection()) {
      var meta = connection.getMetaData();
      this.database = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    }
  }

  /** Starts PostgreSQL and the sink. */
  public static OutboxBenchmark start(Sizes sizes) throws IOException, SQLException {
    return new OutboxBenchmark(sizes, EmbeddedPostgres.builder().start());
  }

  /** The database the run measures, as its driver names it. */
  public String database() {
    return database;
  }

  /** Runs every measure {@code rounds} times; one map of named values per round. */
  public List<Map<String, Double>> run(int rounds) throws Exception {
    List<Map<String, Double>> results = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      Map<String, Double> values = new LinkedHashMap<>();
      relay(values);
      sink.arm(SinkPlan.healthy(0));
      new TransactionCost(transactions, orderIds, bareRow, sizes.transactions())
          .measure(values, memoryBuilder(), outboxBuilder(sink.root(), nextTable(), true));
      burst(values);
      results.add(values);
    }
    return results;
  }

  /**
   * One instance relays a backlog another left behind (it could not reach the server); beside it,
   * the in-memory client delivers as many events tracked back to back.
   */
  private void relay(Map<String, Double> values) throws Exception {
    String table = nextTable();
    try (CrossdeckServer stranded = outboxClient(unreachableRoot(), table)) {
      int perTransaction = 100;
      for (int i = 0; i < sizes.backlog(); i += perTransaction) {
        int first = i;
        transactions.placeOrder(
            orderIds.incrementAndGet(),
            connection -> {
              for (int n = first; n < first + perTransaction; n++) {
                stranded.track(CrossdeckDriver.event(n));
              }
            });
      }
      stranded.close(Duration.ZERO);
    }
    int rowBytes = averageRowBytes(table);
    values.put("row bytes", (double) rowBytes);
    bareRow = new byte[rowBytes];
    Arrays.fill(bareRow, (byte) 'x');
    sink.arm(SinkPlan.healthy(sizes.backlog()));
    sink.markStart();
    try (CrossdeckServer relay = outboxClient(sink.root(), table)) {
      values.put("relay events/s", eventsPerSecond(awaitDelivery(sizes.backlog())));
    }

    try (CrossdeckServer memory = memoryClient()) {
      sink.arm(SinkPlan.healthy(sizes.backlog()));
      sink.markStart();
      for (int n = 0; n < sizes.backlog(); n++) {
        memory.track(CrossdeckDriver.event(n));
      }
      memory.flush(DELIVERY_TIMEOUT);
      values.put("memory events/s", eventsPerSecond(awaitDelivery(sizes.backlog())));
    }
  }

  /**
   * One thread commits {@code burst} events, ten per transaction, as fast as it can, while the
   * relay (or the in-memory sender) delivers: the delivered rate, how long after the last commit
   * the last event arrived, and the relay's own lag (the age of each delivered batch's oldest event
   * when it was delivered), sampled every 10 ms.
   */
  private void burst(Map<String, Double> values) throws Exception {
    try (CrossdeckServer outbox = outboxClient(sink.root(), nextTable())) {
      LagSampler lag = new LagSampler(outbox);
      lag.start();
      SinkStats stats = timedBurst(outbox, values, "burst outbox");
      lag.stop();
      values.put("burst outbox events/s", eventsPerSecond(stats));
      values.put("burst outbox max lag ms", (double) lag.maxMillis());
    }
    try (CrossdeckServer memory = memoryClient()) {
      SinkStats stats = timedBurst(memory, values, "burst memory");
      values.put("burst memory events/s", eventsPerSecond(stats));
    }
  }

  private SinkStats timedBurst(CrossdeckServer client, Map<String, Double> values, String name)
      throws Exception {
    sink.arm(SinkPlan.healthy(sizes.burst()));
    long start = System.nanoTime();
    sink.markStart();
    for (int i = 0; i < sizes.burst(); i += 10) {
      int first = i;
      transactions.placeOrder(
          orderIds.incrementAndGet(),
          connection -> {
            for (int n = first; n < first + 10; n++) {
              client.track(CrossdeckDriver.event(n));
            }
          });
    }
    double committedMillis = (System.nanoTime() - start) / 1e6;
    // The last partial batch goes now rather than after the flush interval, on both paths.
    client.flushAsync();
    SinkStats stats = awaitDelivery(sizes.burst());
    values.put(name + " commits ms", committedMillis);
    values.put(name + " drain ms", Math.max(0, stats.fullDeliveryMillis() - committedMillis));
    return stats;
  }

  private SinkStats awaitDelivery(long events) throws InterruptedException {
    if (!sink.awaitUnique(events, DELIVERY_TIMEOUT)) {
      throw new IllegalStateException(
          "only " + sink.stats().unique() + " of " + events + " events arrived");
    }
    SinkStats stats = sink.stats();
    if (stats.duplicates() > 0) {
      throw new IllegalStateException(stats.duplicates() + " events arrived twice");
    }
    return stats;
  }

  private static double eventsPerSecond(SinkStats stats) {
    return stats.unique() / (stats.fullDeliveryMillis() / 1_000);
  }

  private CrossdeckServer memoryClient() {
    return memoryBuilder().build();
  }

  private CrossdeckServerBuilder memoryBuilder() {
    return CrossdeckServer.builder(SECRET_KEY)
        .baseUrl(sink.root() + "/v1")
        .bootHeartbeat(false)
        .flushOnExit(false);
  }

  private CrossdeckServer outboxClient(String root, String table) {
    return outboxBuilder(root, table, false).build();
  }

  /** An outbox client; an idle relay polls every 10 minutes rather than every second if asked. */
  private CrossdeckServerBuilder outboxBuilder(String root, String table, boolean rarePolls) {
    return CrossdeckServer.builder(SECRET_KEY)
        .baseUrl(root + "/v1")
        .bootHeartbeat(false)
        .flushOnExit(false)
        .outbox(
            OutboxOptions.builder(pool)
                .table(table)
                .transactions(transactions)
                .pollInterval(
                    rarePolls ? Duration.ofMinutes(10) : OutboxOptions.DEFAULT_POLL_INTERVAL)
                .build());
  }

  private int averageRowBytes(String table) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement query = connection.createStatement();
        ResultSet average = query.executeQuery("SELECT avg(octet_length(payload)) FROM " + table)) {
      average.next();
      return (int) Math.round(average.getDouble(1));
    }
  }

  private String nextTable() {
    return "bench_outbox_" + ++tables;
  }

  /** Where nothing listens: a port just bound and released. */
  private static String unreachableRoot() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    sink.close();
    pool.close();
    postgres.close();
  }
}
