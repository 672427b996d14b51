package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.spring.boot.health.CrossdeckHealthIndicator;
import com.crossdeck.spring.boot.health.CrossdeckHealthReport;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures the {@code crossdeck} health component on Spring Boot 4, whose health support
 * ({@code spring-boot-health}, brought by the actuator) has its own API. Switch it off with {@code
 * management.health.crossdeck.enabled=false}. On Spring Boot 3 this backs off for lack of that API,
 * and {@code crossdeck-spring-boot3-autoconfigure} contributes the same component.
 */
@AutoConfiguration(
    after = {
      CrossdeckAutoConfiguration.class,
      CrossdeckEmulatorAutoConfiguration.class,
      CrossdeckTrackingAutoConfiguration.class
    },
    beforeName =
        "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
// Class names, not literals: on Spring Boot 3 these classes are absent, and a condition read by
// reflection (an application or test registering this class directly) must still see them.
@ConditionalOnClass(
    name = {
      "org.springframework.boot.health.contributor.HealthIndicator",
      "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator"
    })
@ConditionalOnBean(CrossdeckServer.class)
@ConditionalOnEnabledHealthIndicator("crossdeck")
@Import(CrossdeckHealthReportConfiguration.class)
public final class CrossdeckHealthContributorAutoConfiguration {

  /** The bean name minus its {@code HealthIndicator} suffix names the component: crossdeck. */
  @Bean
  @ConditionalOnMissingBean(name = "crossdeckHealthIndicator")
  CrossdeckHealthIndicator crossdeckHealthIndicator(CrossdeckHealthReport report) {
    return new CrossdeckHealthIndicator(report);
  }
}
