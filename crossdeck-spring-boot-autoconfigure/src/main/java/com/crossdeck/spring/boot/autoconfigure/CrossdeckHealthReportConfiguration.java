package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.spring.boot.health.CrossdeckHealthReport;
import com.crossdeck.spring.identity.AnonymousIdLinker;
import com.crossdeck.spring.identity.IdentityInputValidator;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.tracking.TrackEventInterceptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link CrossdeckHealthReport} behind the {@code crossdeck} health component, imported by the
 * health auto-configuration of each Spring Boot line ({@link
 * CrossdeckHealthContributorAutoConfiguration} here, its Spring Boot 3 twin in {@code
 * crossdeck-spring-boot3-autoconfigure}), so that every line reports the same thing. Not for
 * applications to import.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CrossdeckProperties.class)
public final class CrossdeckHealthReportConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CrossdeckHealthReport crossdeckHealthReport(
      CrossdeckServer client,
      CrossdeckProperties properties,
      ObjectProvider<EmbeddedEmulatorInfo> emulator,
      ObjectProvider<IdentityInputValidator> validator,
      ObjectProvider<RequestIdentityReader> reader,
      ObjectProvider<AnonymousIdLinker> linker,
      ObjectProvider<TrackEventInterceptor> interceptor) {
    StarterCounters counters = new StarterCounters(validator, reader, linker, interceptor);
    return new CrossdeckHealthReport(
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
