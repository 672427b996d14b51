package com.crossdeck.spring.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.spring.boot.health.CrossdeckHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The starter as a Spring Boot 4 application gets it: both auto-configuration jars on the
 * classpath, Boot 3's part inert. Its Boot 3.5 counterpart is {@code crossdeck-spring-boot3-tests}.
 */
class StarterOnSpringBoot4Tests {

  private static final String BOOT3_HEALTH =
      "com.crossdeck.spring.boot3.autoconfigure.CrossdeckBoot3HealthContributorAutoConfiguration";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(AutoConfigured.class)
          .withPropertyValues("crossdeck.boot-heartbeat=false", "crossdeck.enabled=false");

  @Test
  void registersTheAutoConfigurationsOfBothJars() {
    assertThat(
            ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                .getCandidates())
        .contains(
            "com.crossdeck.spring.boot.autoconfigure.CrossdeckAutoConfiguration",
            "com.crossdeck.spring.boot.autoconfigure.CrossdeckHealthContributorAutoConfiguration",
            BOOT3_HEALTH);
  }

  @Test
  void contributesTheHealthComponentThroughBoot4sApiAndLeavesBoot3sInert() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean("crossdeckHealthIndicator"))
              .isInstanceOf(CrossdeckHealthIndicator.class);
          assertThat(
                  ConditionEvaluationReport.get(context.getBeanFactory())
                      .getConditionAndOutcomesBySource()
                      .get(BOOT3_HEALTH)
                      .isFullMatch())
              .isFalse();
        });
  }

  /** Auto-configuration as Spring Boot loads it: from the imports files, filtered by class. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class AutoConfigured {}
}
