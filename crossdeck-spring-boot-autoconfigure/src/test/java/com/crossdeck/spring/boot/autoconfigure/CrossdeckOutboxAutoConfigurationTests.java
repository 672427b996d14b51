package com.crossdeck.spring.boot.autoconfigure;

import static com.crossdeck.spring.boot.autoconfigure.CoreAutoConfigurations.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Diagnostics;
import com.crossdeck.spring.OutboxDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** {@code crossdeck.outbox.*}: durable delivery in the application's DataSource, when asked. */
class CrossdeckOutboxAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      CoreAutoConfigurations.runner()
          .withConfiguration(
              AutoConfigurations.of(
                  CrossdeckOutboxAutoConfiguration.class,
                  DataSourceAutoConfiguration.class,
                  DataSourceTransactionManagerAutoConfiguration.class))
          .withPropertyValues(OutboxDatabases.H2.properties());

  @Test
  void keepsEventsInMemoryByDefault() {
    runner.run(
        context -> {
          assertThat(context).doesNotHaveBean("crossdeckOutbox");
          assertThat(context.getBean(CrossdeckServer.class).isDurable()).isFalse();
        });
  }

  @Test
  void keepsEventsInTheApplicationsDataSourceWhenEnabled() {
    runner
        .withPropertyValues("crossdeck.outbox.enabled=true")
        .run(
            context -> {
              CrossdeckServer client = context.getBean(CrossdeckServer.class);
              assertThat(client.isDurable()).isTrue();
              Diagnostics.Outbox outbox = client.diagnostics().outbox();
              assertThat(outbox.ready()).isTrue();
              assertThat(outbox.table()).isEqualTo("crossdeck_outbox");
              assertThat(outbox.database()).startsWith("H2");
              assertThat(
                      new JdbcTemplate(context.getBean(DataSource.class))
                          .queryForObject("SELECT count(*) FROM crossdeck_outbox", Long.class))
                  .isZero();
            });
  }

  @Test
  void usesTheTableItIsGiven() {
    String table = OutboxDatabases.unique("events_out");
    runner
        .withPropertyValues("crossdeck.outbox.enabled=true", "crossdeck.outbox.table=" + table)
        .run(
            context ->
                assertThat(context.getBean(CrossdeckServer.class).diagnostics().outbox().table())
                    .isEqualTo(table));
  }

  @Test
  void isBuiltAfterTheApplicationsMigrationsCreatedItsTables() {
    runner
        .withConfiguration(AutoConfigurations.of(DataSourceInitializationAutoConfiguration.class))
        .withPropertyValues(
            "crossdeck.outbox.enabled=true",
            "crossdeck.outbox.table=migrated_outbox",
            "crossdeck.outbox.create-table=false",
            "spring.sql.init.mode=always",
            "spring.sql.init.schema-locations=classpath:outbox/schema.sql")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(CrossdeckServer.class).diagnostics().outbox().ready())
                  .isTrue();
            });
  }

  @Test
  void failsStartupNamingTheTableWhenItIsMissingAndMayNotBeCreated() {
    runner
        .withPropertyValues("crossdeck.outbox.enabled=true", "crossdeck.outbox.create-table=false")
        .run(
            context ->
                assertThat(failure(context).description()).contains("crossdeck_outbox is missing"));
  }

  @Test
  void failsStartupWithoutADataSourceRatherThanKeepEventsInMemory() {
    CoreAutoConfigurations.runner()
        .withConfiguration(AutoConfigurations.of(CrossdeckOutboxAutoConfiguration.class))
        .withPropertyValues("crossdeck.outbox.enabled=true")
        .run(context -> assertThat(failure(context).description()).contains("no DataSource bean"));
  }

  @Test
  void failsStartupWithoutSpringJdbcRatherThanKeepEventsInMemory() {
    runner
        .withClassLoader(new FilteredClassLoader(DataSourceUtils.class))
        .withPropertyValues("crossdeck.outbox.enabled=true")
        .run(
            context -> {
              CrossdeckConfigurationException failure = failure(context);
              assertThat(failure.description()).contains("without an outbox");
              assertThat(failure.action()).contains("spring-jdbc");
            });
  }

  @Test
  void namesThePropertyOfAnInvalidValue() {
    runner
        .withPropertyValues("crossdeck.outbox.enabled=true", "crossdeck.outbox.max-rows=0")
        .run(
            context -> {
              CrossdeckConfigurationException failure = failure(context);
              assertThat(failure.description()).contains("outbox maxRows must be between 1");
              assertThat(failure.action()).contains("crossdeck.outbox.max-rows");
            });
  }
}
