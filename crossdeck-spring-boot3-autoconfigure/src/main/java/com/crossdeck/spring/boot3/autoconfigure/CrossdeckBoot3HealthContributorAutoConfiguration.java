package com.crossdeck.spring.boot3.autoconfigure;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.spring.boot.autoconfigure.CrossdeckAutoConfiguration;
import com.crossdeck.spring.boot.autoconfigure.CrossdeckEmulatorAutoConfiguration;
import com.crossdeck.spring.boot.autoconfigure.CrossdeckHealthReportConfiguration;
import com.crossdeck.spring.boot.autoconfigure.CrossdeckTrackingAutoConfiguration;
import com.crossdeck.spring.boot.health.CrossdeckHealthReport;
import com.crossdeck.spring.boot3.health.CrossdeckBoot3HealthIndicator;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures the {@code crossdeck} health component on Spring Boot 3, whose health API lives
 * in the actuator ({@code org.springframework.boot.actuate.health}); Spring Boot 4 moved it to
 * {@code spring-boot-health}, so there this backs off and the starter's Boot 4 twin applies. Switch
 * it off with {@code management.health.crossdeck.enabled=false}.
 */
@AutoConfiguration(
    after = {
      CrossdeckAutoConfiguration.class,
      CrossdeckEmulatorAutoConfiguration.class,
      CrossdeckTrackingAutoConfiguration.class
    },
    beforeName =
        "org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration")
// Class names, not literals: on Spring Boot 4 these classes are absent, and a condition read by
// reflection (an application or test registering this class directly) must still see them.
@ConditionalOnClass(
    name = {
      "org.springframework.boot.actuate.health.HealthIndicator",
      "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator"
    })
@ConditionalOnBean(CrossdeckServer.class)
@ConditionalOnEnabledHealthIndicator("crossdeck")
@Import(CrossdeckHealthReportConfiguration.class)
public final class CrossdeckBoot3HealthContributorAutoConfiguration {

  /** The bean name minus its {@code HealthIndicator} suffix names the component: crossdeck. */
  @Bean
  @ConditionalOnMissingBean(name = "crossdeckHealthIndicator")
  CrossdeckBoot3HealthIndicator crossdeckHealthIndicator(CrossdeckHealthReport report) {
    return new CrossdeckBoot3HealthIndicator(report);
  }
}
