package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.spring.boot.health.CrossdeckHealthIndicator;
import com.crossdeck.spring.identity.AnonymousIdLinker;
import com.crossdeck.spring.identity.IdentityInputValidator;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.tracking.TrackEventInterceptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code crossdeck} health component when Spring Boot's health support ({@code
 * spring-boot-health}, brought by the actuator) is present. Switch it off with {@code
 * management.health.crossdeck.enabled=false}.
 */
@AutoConfiguration(
    after = CrossdeckAutoConfiguration.class,
    beforeName =
        "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(CrossdeckServer.class)
@ConditionalOnEnabledHealthIndicator("crossdeck")
public final class CrossdeckHealthContributorAutoConfiguration {

  /** The bean name minus its {@code HealthIndicator} suffix names the component: crossdeck. */
  @Bean
  @ConditionalOnMissingBean(name = "crossdeckHealthIndicator")
  CrossdeckHealthIndicator crossdeckHealthIndicator(
      CrossdeckServer client,
      CrossdeckProperties properties,
      ObjectProvider<EmbeddedEmulatorInfo> emulator,
      ObjectProvider<IdentityInputValidator> validator,
      ObjectProvider<RequestIdentityReader> reader,
      ObjectProvider<AnonymousIdLinker> linker,
      ObjectProvider<TrackEventInterceptor> interceptor) {
    StarterCounters counters = new StarterCounters(validator, reader, linker, interceptor);
    return new CrossdeckHealthIndicator(
        client,
        properties.getHealth().isStrict(),
        () -> {
          Map<String, Object> details = new LinkedHashMap<>();
          EmbeddedEmulatorInfo embedded = emulator.getIfAvailable();
          details.put(
              "mode", embedded != null ? "emulator" : client.isEnabled() ? "live" : "disabled");
          if (embedded != null) {
            details.put("timelineUrl", embedded.timelineUrl());
          }
          details.put("invalidIdentities", counters.invalidIdentities());
          details.put("ambiguousIdentities", counters.ambiguousIdentities());
          details.put("identityConflicts", counters.identityConflicts());
          details.put("trackingFailures", counters.trackingFailures());
          return details;
        });
  }
}
