package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.BeforeSendHook;
import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.ErrorBeforeSendHook;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Auto-configures the {@link CrossdeckServer} client from {@code crossdeck.*} properties: a
 * disabled client when {@code crossdeck.enabled=false}, otherwise one sending with the secret key,
 * which is then required. A {@link CrossdeckServer} bean of the application's own replaces it, and
 * so does the embedded emulator's client ({@link CrossdeckEmulatorAutoConfiguration}, ordered
 * before this one) when no key is set.
 *
 * <p>Events tracked without an identity get the one {@link CrossdeckIdentity} sees on the calling
 * thread ({@link CrossdeckIdentityAutoConfiguration}).
 */
@AutoConfiguration(after = CrossdeckIdentityAutoConfiguration.class)
@EnableConfigurationProperties(CrossdeckProperties.class)
public final class CrossdeckAutoConfiguration {

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  CrossdeckServerFactory crossdeckServerFactory(
      CrossdeckProperties properties,
      Environment environment,
      CrossdeckIdentity identity,
      ObjectProvider<CrossdeckListener> listeners,
      ObjectProvider<CrossdeckServerBuilderCustomizer> customizers,
      ObjectProvider<BeforeSendHook> beforeSendHooks,
      ObjectProvider<ErrorBeforeSendHook> errorBeforeSendHooks,
      BeanFactory beanFactory) {
    return new CrossdeckServerFactory(
        properties,
        environment.getProperty("spring.application.name"),
        applicationPackages(beanFactory),
        identity,
        listeners,
        customizers,
        beforeSendHooks,
        errorBeforeSendHooks);
  }

  /** Closed by Spring after every bean using it, delivering what later shutdown code tracked. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  CrossdeckServer crossdeckServer(CrossdeckServerFactory factory) {
    return factory.create();
  }

  /** In-app frames default to the packages of the {@code @SpringBootApplication} class. */
  private static List<String> applicationPackages(BeanFactory beanFactory) {
    if (!AutoConfigurationPackages.has(beanFactory)) {
      return List.of();
    }
    return AutoConfigurationPackages.get(beanFactory).stream().map(name -> name + ".").toList();
  }
}
