package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.spring.lifecycle.CrossdeckLifecycle;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configures the drain of the client at shutdown ({@link CrossdeckLifecycle}): after the web
 * server's graceful shutdown and the application's executors, within {@code
 * crossdeck.shutdown-timeout}. Applies to the application's own client bean too.
 */
@AutoConfiguration(
    after = {CrossdeckAutoConfiguration.class, CrossdeckEmulatorAutoConfiguration.class})
@ConditionalOnBean(CrossdeckServer.class)
@EnableConfigurationProperties(CrossdeckProperties.class)
public final class CrossdeckLifecycleAutoConfiguration {

  private static final Log logger = LogFactory.getLog(CrossdeckLifecycleAutoConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  CrossdeckLifecycle crossdeckLifecycle(
      CrossdeckServer client, CrossdeckProperties properties, Environment environment) {
    Duration timeout = properties.getShutdownTimeout();
    Duration phaseTimeout =
        Binder.get(environment)
            .bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
            .orElse(Duration.ofSeconds(30));
    if (timeout.compareTo(phaseTimeout) >= 0) {
      logger.warn(
          "crossdeck.shutdown-timeout ("
              + timeout.toMillis()
              + " ms) is not below spring.lifecycle.timeout-per-shutdown-phase ("
              + phaseTimeout.toMillis()
              + " ms): Spring may move on before Crossdeck delivered its last events.");
    }
    return new CrossdeckLifecycle(client, timeout);
  }
}
