package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.client.TrackResult;
import com.crossdeck.spring.boot.metrics.CrossdeckMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
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
  void aDisabledClientCountsNothingAndLogsNothingPerEvent(CapturedOutput output) {
    runner.run(
        context -> {
          SimpleMeterRegistry registry = new SimpleMeterRegistry();
          context.getBean(CrossdeckMetrics.class).bindTo(registry);
          CrossdeckServer client = context.getBean(CrossdeckServer.class);

          List<TrackResult> results =
              List.of(
                  client.track(Event.builder("invoice_paid").developerUserId("user_42").build()),
                  client.track(Event.builder("cart_viewed").build()),
                  client.track(
                      Event.builder("two_ids")
                          .developerUserId("user_42")
                          .anonymousId("a")
                          .build()));

          assertThat(results).allMatch(TrackResult::queued);
          assertThat(registry.get("crossdeck.events.queued").functionCounter().count()).isZero();
          assertThat(registry.find("crossdeck.events.rejected").functionCounters())
              .allSatisfy(counter -> assertThat(counter.count()).isZero());
          assertThat(registry.get("crossdeck.queue.size").gauge().value()).isZero();
          assertThat(output).doesNotContain("Crossdeck");
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
