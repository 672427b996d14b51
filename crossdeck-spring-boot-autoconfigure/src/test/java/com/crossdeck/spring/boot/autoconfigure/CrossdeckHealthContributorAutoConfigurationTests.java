package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.spring.boot.health.CrossdeckHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CrossdeckHealthContributorAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(CoreAutoConfigurations.CORE)
          .withConfiguration(
              AutoConfigurations.of(
                  CrossdeckHealthContributorAutoConfiguration.class,
                  HealthContributorAutoConfiguration.class))
          .withPropertyValues("crossdeck.boot-heartbeat=false");

  @Test
  void contributesTheCrossdeckComponentInEmulatorModeWithTheTimelineUrl() {
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
  void reportsLiveModeWhenASecretKeyIsSet() {
    runner
        .withPropertyValues("crossdeck.secret-key=cd_sk_live_abc123")
        .run(
            context ->
                assertThat(context.getBean(CrossdeckHealthIndicator.class).health().getDetails())
                    .containsEntry("mode", "live")
                    .containsEntry("environment", "production")
                    .doesNotContainKey("timelineUrl"));
  }

  @Test
  void reportsDisabledModeWhenCrossdeckIsSwitchedOff() {
    runner
        .withPropertyValues("crossdeck.enabled=false")
        .run(
            context ->
                assertThat(context.getBean(CrossdeckHealthIndicator.class).health().getDetails())
                    .containsEntry("mode", "disabled"));
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
  void startsWithoutSpringBootHealth() {
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
