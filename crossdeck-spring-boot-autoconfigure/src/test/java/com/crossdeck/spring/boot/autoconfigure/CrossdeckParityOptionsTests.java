package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.BeforeSendHook;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.CrossdeckServerBuilder;
import com.crossdeck.client.DropReason;
import com.crossdeck.client.ErrorBeforeSendHook;
import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHints;
import com.crossdeck.client.TrackResult;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.StoredEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The options of the reference SDK's parity calls: the entitlement cache's {@code
 * crossdeck.entitlements.*} and {@code crossdeck.errors.*} properties, and before-send hooks
 * declared as beans.
 */
class CrossdeckParityOptionsTests {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApplicationContextRunner runner = CoreAutoConfigurations.runner();

  @Test
  void configuresTheEntitlementCacheFromProperties() {
    CoreAutoConfigurations.live(runner, emulator.get())
        .withPropertyValues(
            "crossdeck.entitlements.cache-ttl=5m", "crossdeck.entitlements.max-customers=1")
        .run(
            context -> {
              CrossdeckServer client = context.getBean(CrossdeckServer.class);
              client.entitlements().get(IdentityHints.forUser("user_a"));
              client.entitlements().get(IdentityHints.forUser("user_b"));

              assertThat(client.entitlements().cacheStats().ttl()).isEqualTo(Duration.ofMinutes(5));
              assertThat(client.entitlements().cacheStats().customers()).isOne();
              assertThat(client.entitlements().cacheStats().evictions()).isOne();
            });
  }

  @Test
  void entitlementAndBreadcrumbDefaultsAreTheClientsDefaults() {
    CrossdeckProperties properties = new CrossdeckProperties();

    assertThat(properties.getEntitlements().getCacheTtl())
        .isEqualTo(CrossdeckServerBuilder.DEFAULT_ENTITLEMENT_CACHE_TTL);
    assertThat(properties.getEntitlements().getStaleAfter())
        .isEqualTo(CrossdeckServerBuilder.DEFAULT_ENTITLEMENT_STALE_AFTER);
    assertThat(properties.getEntitlements().getMaxCustomers())
        .isEqualTo(CrossdeckServerBuilder.DEFAULT_ENTITLEMENT_CACHE_MAX_CUSTOMERS);
    assertThat(properties.getErrors().getBreadcrumbsMaxSize())
        .isEqualTo(CrossdeckServerBuilder.DEFAULT_BREADCRUMBS_MAX_SIZE);
    assertThat(properties.getErrors().isBreadcrumbsFromEvents()).isFalse();
  }

  @Test
  void failsStartupNamingTheEntitlementPropertyOfAnOutOfRangeValue() {
    CoreAutoConfigurations.live(runner, emulator.get())
        .withPropertyValues("crossdeck.entitlements.max-customers=0")
        .run(
            context -> {
              CrossdeckConfigurationException failure = CoreAutoConfigurations.failure(context);
              assertThat(failure.description()).contains("entitlementCacheMaxCustomers");
              assertThat(failure.action()).contains("crossdeck.entitlements.max-customers");
            });
  }

  @Test
  void appliesBeforeSendHookBeansInTheirOrder() {
    CoreAutoConfigurations.live(runner, emulator.get())
        .withUserConfiguration(Hooks.class)
        .run(
            context -> {
              CrossdeckServer client = context.getBean(CrossdeckServer.class);

              TrackResult dropped =
                  client.track(Event.builder("internal_ping").developerUserId("user_1").build());
              client.track(
                  Event.builder("signed_up")
                      .developerUserId("user_1")
                      .property("email", "ada@example.com")
                      .build());
              client.flush();

              assertThat(dropped.dropReason()).isEqualTo(DropReason.BEFORE_SEND);
              assertThat(emulator.events())
                  .singleElement()
                  .extracting(StoredEvent::properties)
                  .isEqualTo(
                      java.util.Map.of("email", "<redacted>", "seenByTheSecondHook", "<redacted>"));
            });
  }

  @Test
  void appliesErrorBeforeSendHookBeans() {
    CoreAutoConfigurations.live(runner, emulator.get())
        .withUserConfiguration(Hooks.class)
        .run(
            context -> {
              CrossdeckServer client = context.getBean(CrossdeckServer.class);

              TrackResult noise = client.captureMessage("health probe noise");
              client.captureMessage("payment provider timed out", "warning");
              client.flush();

              assertThat(noise.dropReason()).isEqualTo(DropReason.BEFORE_SEND);
              assertThat(emulator.events())
                  .singleElement()
                  .satisfies(
                      event -> {
                        assertThat(event.name()).isEqualTo("error.message");
                        assertThat(event.properties()).containsEntry("level", "warning");
                      });
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class Hooks {

    @Bean
    @Order(2)
    BeforeSendHook recordsWhatItSees() {
      return event ->
          event.toBuilder()
              .property("seenByTheSecondHook", event.properties().get("email"))
              .build();
    }

    @Bean
    @Order(1)
    BeforeSendHook redactsAndDropsPings() {
      return event ->
          event.name().equals("internal_ping")
              ? null
              : event.properties().containsKey("email")
                  ? event.toBuilder().property("email", "<redacted>").build()
                  : event;
    }

    @Bean
    ErrorBeforeSendHook dropsNoise() {
      return error -> error.message().contains("noise") ? null : error;
    }
  }
}
