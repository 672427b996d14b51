package com.crossdeck.spring.boot3.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.spring.boot.autoconfigure.CrossdeckAutoConfiguration;
import com.crossdeck.spring.boot.autoconfigure.CrossdeckEmulatorAutoConfiguration;
import com.crossdeck.spring.boot.autoconfigure.CrossdeckHealthContributorAutoConfiguration;
import com.crossdeck.spring.boot.autoconfigure.CrossdeckIdentityAutoConfiguration;
import com.crossdeck.spring.boot3.health.CrossdeckBoot3HealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code crossdeck} health component in a Spring Boot 3.5 application: this module's tests run
 * on Boot 3.5's classpath, where the starter's Boot 4 health auto-configuration must back off.
 */
class CrossdeckBoot3HealthContributorAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  CrossdeckIdentityAutoConfiguration.class,
                  CrossdeckEmulatorAutoConfiguration.class,
                  CrossdeckAutoConfiguration.class,
                  CrossdeckHealthContributorAutoConfiguration.class,
                  CrossdeckBoot3HealthContributorAutoConfiguration.class,
                  HealthContributorAutoConfiguration.class))
          .withPropertyValues("crossdeck.boot-heartbeat=false");

  @Test
  void contributesTheCrossdeckComponentOnBoot3sHealthApiWithItsDetails() {
    runner.run(
        context -> {
          Health health =
              context.getBean("crossdeckHealthIndicator", HealthIndicator.class).health();

          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails())
              .containsEntry("mode", "emulator")
              .containsEntry("timelineUrl", context.getBean(CrossdeckEmulator.class).timelineUrl())
              .containsEntry("environment", "sandbox")
              .containsKeys("queueSize", "inFlight", "dropped", "consecutiveFailures", "parked");
        });
  }

  @Test
  void theBoot4ContributorBacksOffForLackOfItsHealthApi() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          ConditionEvaluationReport report =
              ConditionEvaluationReport.get(context.getBeanFactory());
          assertThat(
                  report
                      .getConditionAndOutcomesBySource()
                      .get(CrossdeckHealthContributorAutoConfiguration.class.getName())
                      .isFullMatch())
              .isFalse();
          assertThat(context.getBean("crossdeckHealthIndicator"))
              .isInstanceOf(CrossdeckBoot3HealthIndicator.class);
        });
  }

  @Test
  void reportsDownWhenStrictAndTheKeyIsRejected() {
    try (CrossdeckEmulator emulator =
        CrossdeckEmulator.builder().revokedKeys("cd_sk_test_revoked").build().start()) {
      runner
          .withPropertyValues(
              "crossdeck.secret-key=cd_sk_test_revoked",
              "crossdeck.base-url=" + emulator.baseUrl(),
              "crossdeck.health.strict=true")
          .run(
              context -> {
                CrossdeckServer client = context.getBean(CrossdeckServer.class);
                client.track(Event.builder("plan_upgraded").developerUserId("user_42").build());
                client.flush();
                HealthIndicator indicator =
                    context.getBean("crossdeckHealthIndicator", HealthIndicator.class);

                assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(indicator.health().getDetails()).containsEntry("keyRejected", true);
              });
    }
  }

  @Test
  void isSwitchedOffWithTheStandardHealthProperty() {
    runner
        .withPropertyValues("management.health.crossdeck.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("crossdeckHealthIndicator"));
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnIndicator() {
    HealthIndicator own = () -> Health.outOfService().build();
    runner
        .withBean("crossdeckHealthIndicator", HealthIndicator.class, () -> own)
        .run(context -> assertThat(context.getBean("crossdeckHealthIndicator")).isSameAs(own));
  }

  @Test
  void startsWithoutTheActuator() {
    runner
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(CrossdeckServer.class);
              assertThat(context).doesNotHaveBean("crossdeckHealthIndicator");
            });
  }
}
