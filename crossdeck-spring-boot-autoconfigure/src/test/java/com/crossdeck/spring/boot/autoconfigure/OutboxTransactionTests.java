package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Diagnostics;
import com.crossdeck.client.Event;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.RecordedRequest;
import com.crossdeck.emulator.StoredEvent;
import com.crossdeck.spring.OutboxDatabases;
import com.crossdeck.spring.tracking.TrackEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * With the outbox, an event tracked in a Spring transaction ({@code track()} or
 * {@code @TrackEvent}) is written in it: stored once if it commits, never if it rolls back, and
 * delivered after a crash between the commit and the delivery. On H2 and on a real PostgreSQL
 * server.
 */
class OutboxTransactionTests {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().disableRateLimit());

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ApplicationContextRunner runner(String[] database, String... properties) {
    return CoreAutoConfigurations.runner()
        .withConfiguration(
            AutoConfigurations.of(
                CrossdeckOutboxAutoConfiguration.class,
                CrossdeckTrackingAutoConfiguration.class,
                DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class,
                TransactionAutoConfiguration.class,
                AopAutoConfiguration.class))
        .withPropertyValues(database)
        .withPropertyValues(
            "crossdeck.outbox.enabled=true",
            "crossdeck.outbox.poll-interval=10m",
            "crossdeck.outbox.table=" + OutboxDatabases.unique("outbox"),
            "test.payments=" + OutboxDatabases.unique("payments"))
        .withPropertyValues(properties)
        .withUserConfiguration(PaymentsConfiguration.class);
  }

  private static ApplicationContextRunner live(String[] database) {
    return CoreAutoConfigurations.live(runner(database), emulator.get());
  }

  @ParameterizedTest
  @EnumSource(OutboxDatabases.class)
  void anEventTrackedInATransactionIsStoredOnceItCommits(OutboxDatabases database) {
    live(database.properties())
        .run(
            context -> {
              context.getBean(Payments.class).captureAndTrack("p1");

              assertThat(context.getBean(Payments.class).exists("p1")).isTrue();
              assertThat(stored(context))
                  .extracting(StoredEvent::eventId)
                  .containsExactly("captured_p1");
            });
  }

  @ParameterizedTest
  @EnumSource(OutboxDatabases.class)
  void anEventTrackedInATransactionThatRollsBackIsNeverStored(OutboxDatabases database) {
    live(database.properties())
        .run(
            context -> {
              Payments payments = context.getBean(Payments.class);
              assertThatIllegalStateException().isThrownBy(() -> payments.captureThenFail("p1"));

              assertThat(payments.exists("p1")).isFalse();
              assertThat(stored(context)).isEmpty();
              Diagnostics diagnostics = context.getBean(CrossdeckServer.class).diagnostics();
              assertThat(diagnostics.outbox().rolledBack()).isEqualTo(1);
              assertThat(diagnostics.delivery().accepted()).isZero();
              assertThat(payments.outboxRows()).isZero();
            });
  }

  @ParameterizedTest
  @EnumSource(OutboxDatabases.class)
  void theEventOfATransactionalTrackEventMethodIsCommittedInItsTransaction(
      OutboxDatabases database) {
    live(database.properties())
        .run(
            context -> {
              Payments payments = context.getBean(Payments.class);
              payments.capture("p1");

              assertThat(payments.outboxRowsSeenAfterCommit())
                  .as("the event's row was committed with the payment")
                  .isEqualTo(1);
              assertThat(stored(context))
                  .extracting(StoredEvent::eventId)
                  .containsExactly("pay_p1");
            });
  }

  @ParameterizedTest
  @EnumSource(OutboxDatabases.class)
  void theEventOfAFailedCallIsStoredAfterItsTransactionRolledBack(OutboxDatabases database) {
    live(database.properties())
        .run(
            context -> {
              Payments payments = context.getBean(Payments.class);
              assertThatIllegalStateException().isThrownBy(() -> payments.decline("p1"));

              assertThat(payments.exists("p1")).isFalse();
              assertThat(stored(context))
                  .singleElement()
                  .satisfies(
                      event -> {
                        assertThat(event.eventId()).isEqualTo("declined_p1");
                        assertThat(event.properties())
                            .containsEntry("exception", IllegalStateException.class.getName());
                      });
            });
  }

  @ParameterizedTest
  @EnumSource(OutboxDatabases.class)
  void eventsCommittedBeforeTheApplicationWasKilledAreDeliveredOnceByTheNextStart(
      OutboxDatabases database) throws IOException {
    String[] sameDatabase = database.properties();
    ApplicationContextRunner application = runner(sameDatabase);
    String[] sameTables =
        new String[] {
          "crossdeck.outbox.table=" + OutboxDatabases.unique("outbox"),
          "test.payments=" + OutboxDatabases.unique("payments")
        };
    // The relay cannot deliver anything: nothing listens where it sends.
    application
        .withPropertyValues(sameTables)
        .withPropertyValues(
            "crossdeck.secret-key=" + CrossdeckEmulator.TEST_SECRET_KEY,
            "crossdeck.base-url=http://127.0.0.1:" + closedPort() + "/v1",
            "crossdeck.shutdown-timeout=0ms")
        .run(
            context -> {
              Payments payments = context.getBean(Payments.class);
              List.of("a", "b", "c").forEach(payments::capture);
              assertThat(payments.outboxRows()).isEqualTo(3);
            });

    CoreAutoConfigurations.live(application.withPropertyValues(sameTables), emulator.get())
        .run(
            context -> {
              assertThat(stored(context))
                  .extracting(StoredEvent::eventId)
                  .containsExactlyInAnyOrder("pay_a", "pay_b", "pay_c");
              assertThat(emulator.duplicatesIgnored()).isZero();
              assertThat(context.getBean(Payments.class).outboxRows()).isZero();
            });
  }

  @Test
  void twoApplicationsOnOnePostgresDeliverEveryEventOnceAndSendNoneTwice() {
    String[] database = OutboxDatabases.POSTGRESQL.properties();
    ApplicationContextRunner application =
        live(database)
            .withPropertyValues(
                "crossdeck.outbox.table=" + OutboxDatabases.unique("outbox"),
                "test.payments=" + OutboxDatabases.unique("payments"),
                "crossdeck.outbox.poll-interval=50ms");
    application.run(
        first ->
            application.run(
                second -> {
                  CompletableFuture<Void> firstPays =
                      CompletableFuture.runAsync(
                          () ->
                              IntStream.range(0, 300)
                                  .forEach(i -> first.getBean(Payments.class).capture("a" + i)));
                  IntStream.range(0, 300)
                      .forEach(i -> second.getBean(Payments.class).capture("b" + i));
                  firstPays.join();
                  first.getBean(CrossdeckServer.class).flush(Duration.ofSeconds(30));
                  second.getBean(CrossdeckServer.class).flush(Duration.ofSeconds(30));

                  assertThat(emulator.awaitEvents(600, Duration.ofSeconds(10))).hasSize(600);
                  List<String> accepted = eventIdsAccepted(emulator.requests());
                  assertThat(accepted).as("no event in two accepted requests").hasSize(600);
                  assertThat(new HashSet<>(accepted)).hasSize(600);
                  assertThat(emulator.duplicatesIgnored()).isZero();
                  assertThat(sent(first)).as("the first relayed").isPositive();
                  assertThat(sent(second)).as("the second relayed").isPositive();
                  assertThat(sent(first) + sent(second)).isEqualTo(600);
                  assertThat(
                          takenOver(first.getBean(CrossdeckServer.class))
                              + takenOver(second.getBean(CrossdeckServer.class)))
                      .isZero();
                }));
  }

  private static long sent(AssertableApplicationContext context) {
    return context.getBean(CrossdeckServer.class).diagnostics().delivery().sent();
  }

  private static long takenOver(CrossdeckServer client) {
    return client.diagnostics().outbox().takenOver();
  }

  private static List<StoredEvent> stored(AssertableApplicationContext context) {
    context.getBean(CrossdeckServer.class).flush(Duration.ofSeconds(10));
    return emulator.events();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static List<String> eventIdsAccepted(List<RecordedRequest> requests) {
    List<String> ids = new ArrayList<>();
    for (RecordedRequest request : requests) {
      if (request.path().equals("/v1/events") && request.status() / 100 == 2) {
        try {
          for (JsonNode event : JSON.readTree(request.body()).get("events")) {
            ids.add(event.get("eventId").asText());
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return ids;
  }

  /** Payments written to their own table, with events about them. */
  public static class Payments {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final CrossdeckServer crossdeck;
    private final String table;
    private final String outboxTable;
    private volatile Long outboxRowsSeenAfterCommit;

    Payments(DataSource dataSource, CrossdeckServer crossdeck, String table, String outboxTable) {
      this.jdbc = new JdbcTemplate(dataSource);
      this.dataSource = dataSource;
      this.crossdeck = crossdeck;
      this.table = table;
      this.outboxTable = outboxTable;
      jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + " (id VARCHAR(64) PRIMARY KEY)");
    }

    @Transactional
    @TrackEvent(value = "payment_captured", eventId = "'pay_' + #id", userId = "'user_1'")
    public void capture(String id) {
      jdbc.update("INSERT INTO " + table + " (id) VALUES (?)", id);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              outboxRowsSeenAfterCommit = outboxRowsOnAConnectionOfItsOwn();
            }
          });
    }

    @Transactional
    public void captureAndTrack(String id) {
      jdbc.update("INSERT INTO " + table + " (id) VALUES (?)", id);
      crossdeck.track(event("captured_" + id));
    }

    @Transactional
    public void captureThenFail(String id) {
      jdbc.update("INSERT INTO " + table + " (id) VALUES (?)", id);
      crossdeck.track(event("captured_" + id));
      throw new IllegalStateException("the capture failed");
    }

    @Transactional
    @TrackEvent(
        value = "payment_declined",
        eventId = "'declined_' + #id",
        userId = "'user_1'",
        onException = true)
    public void decline(String id) {
      jdbc.update("INSERT INTO " + table + " (id) VALUES (?)", id);
      throw new IllegalStateException("card declined");
    }

    /** Read through the proxy, which holds no state of its own. */
    public Long outboxRowsSeenAfterCommit() {
      return outboxRowsSeenAfterCommit;
    }

    public boolean exists(String id) {
      return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE id = ?", Long.class, id)
          > 0;
    }

    public long outboxRows() {
      return jdbc.queryForObject("SELECT count(*) FROM " + outboxTable, Long.class);
    }

    /** Outside the transaction, whose connection is still bound while it completes. */
    private long outboxRowsOnAConnectionOfItsOwn() {
      try (Connection connection = dataSource.getConnection();
          ResultSet count =
              connection.createStatement().executeQuery("SELECT count(*) FROM " + outboxTable)) {
        count.next();
        return count.getLong(1);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    private static Event event(String eventId) {
      return Event.builder("payment_captured").developerUserId("user_1").eventId(eventId).build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class PaymentsConfiguration {

    @Bean
    Payments payments(
        DataSource dataSource,
        CrossdeckServer crossdeck,
        @Value("${test.payments}") String table,
        @Value("${crossdeck.outbox.table}") String outboxTable) {
      return new Payments(dataSource, crossdeck, table, outboxTable);
    }
  }
}
