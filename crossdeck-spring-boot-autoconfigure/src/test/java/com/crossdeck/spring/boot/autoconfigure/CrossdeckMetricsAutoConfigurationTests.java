package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.spring.boot.metrics.CrossdeckMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CrossdeckMetricsAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(CoreAutoConfigurations.CORE)
          .withConfiguration(AutoConfigurations.of(CrossdeckMetricsAutoConfiguration.class))
          .withPropertyValues("crossdeck.enabled=false");

  @Test
  void providesAMeterBinderForTheClient() {
    runner.run(
        context -> {
          SimpleMeterRegistry registry = new SimpleMeterRegistry();
          context.getBean(CrossdeckMetrics.class).bindTo(registry);

          assertThat(registry.get("crossdeck.events.sent").functionCounter().count()).isZero();
          assertThat(registry.find("crossdeck.events.dropped").functionCounters())
              .hasSize(com.crossdeck.client.DropReason.values().length);
        });
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnBinder() {
    CrossdeckMetrics own = new CrossdeckMetrics(CrossdeckServer.disabled(), new NoCounts());
    runner
        .withBean(CrossdeckMetrics.class, () -> own)
        .run(context -> assertThat(context).getBean(CrossdeckMetrics.class).isSameAs(own));
  }

  @Test
  void startsWithoutMicrometer() {
    runner
        .withClassLoader(new FilteredClassLoader(MeterBinder.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(CrossdeckMetrics.class);
            });
  }

  private static final class NoCounts implements CrossdeckMetrics.StarterCounts {

    @Override
    public long invalidIdentities() {
      return 0;
    }

    @Override
    public long ambiguousIdentities() {
      return 0;
    }

    @Override
    public long identityConflicts() {
      return 0;
    }

    @Override
    public long trackingFailures() {
      return 0;
    }
  }
}
