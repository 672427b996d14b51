package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.spring.boot.metrics.CrossdeckMetrics;
import com.crossdeck.spring.identity.AnonymousIdLinker;
import com.crossdeck.spring.identity.IdentityInputValidator;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.tracking.TrackEventInterceptor;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures Crossdeck's Micrometer meters. The {@link MeterBinder} bean is bound to every
 * registry Spring Boot manages; filter the meters out with {@code
 * management.metrics.enable.crossdeck=false}.
 */
@AutoConfiguration(
    after = {
      CrossdeckAutoConfiguration.class,
      CrossdeckEmulatorAutoConfiguration.class,
      CrossdeckTrackingAutoConfiguration.class
    })
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(CrossdeckServer.class)
public final class CrossdeckMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CrossdeckMetrics crossdeckMetrics(
      CrossdeckServer client,
      ObjectProvider<IdentityInputValidator> validator,
      ObjectProvider<RequestIdentityReader> reader,
      ObjectProvider<AnonymousIdLinker> linker,
      ObjectProvider<TrackEventInterceptor> interceptor) {
    return new CrossdeckMetrics(
        client, new StarterCounters(validator, reader, linker, interceptor));
  }
}
