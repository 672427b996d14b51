package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.outbox.OutboxOptions;
import com.crossdeck.spring.outbox.SpringOutboxTransactions;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Durable delivery, with {@code crossdeck.outbox.enabled=true}: the client keeps tracked events in
 * an outbox table of the application's {@link DataSource} instead of memory, and joins Spring's
 * transactions on it ({@link SpringOutboxTransactions}), so an event tracked in a transaction, by
 * {@code track()} or {@code @TrackEvent}, commits or rolls back with the business data. The table
 * is created at startup when missing ({@code crossdeck.outbox.create-table}); the client is created
 * after the application's database initializers (Flyway, Liquibase, SQL scripts) ran.
 *
 * <p>It customizes the client before the application's own {@link
 * CrossdeckServerBuilderCustomizer}s, which may replace the outbox's options. Turning the property
 * on without spring-jdbc, spring-tx or a single {@code DataSource} fails startup, naming what is
 * missing, rather than silently keeping events in memory.
 */
@AutoConfiguration(
    before = {CrossdeckEmulatorAutoConfiguration.class, CrossdeckAutoConfiguration.class})
@ConditionalOnClass({DataSourceUtils.class, TransactionSynchronizationManager.class})
@ConditionalOnBooleanProperty(name = "crossdeck.outbox.enabled")
@EnableConfigurationProperties(CrossdeckProperties.class)
public final class CrossdeckOutboxAutoConfiguration {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  CrossdeckServerBuilderCustomizer crossdeckOutbox(
      ObjectProvider<DataSource> dataSources, CrossdeckProperties properties) {
    return builder -> {
      DataSource dataSource = dataSources.getIfUnique();
      if (dataSource == null) {
        throw new CrossdeckConfigurationException(
            "crossdeck.outbox.enabled=true, but the application has no DataSource bean, or several"
                + " and none is primary, so there is no database to keep events in.",
            "Define one DataSource (for example with spring-boot-starter-jdbc and"
                + " spring.datasource.url), mark one @Primary, or set"
                + " crossdeck.outbox.enabled=false.",
            null);
      }
      CrossdeckProperties.Outbox outbox = properties.getOutbox();
      builder.outbox(
          OutboxOptions.builder(dataSource)
              .table(outbox.getTable())
              .createTable(outbox.isCreateTable())
              .maxRows(outbox.getMaxRows())
              .maxBytes(outbox.getMaxBytes().toBytes())
              .maxAge(outbox.getMaxAge())
              .pollInterval(outbox.getPollInterval())
              .transactions(new SpringOutboxTransactions(dataSource))
              .build());
    };
  }
}
