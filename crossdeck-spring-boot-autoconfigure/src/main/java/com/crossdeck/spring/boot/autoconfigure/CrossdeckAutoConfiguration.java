package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.spring.identity.AnonymousIdLinker;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import com.crossdeck.spring.identity.CrossdeckIdentityTaskDecorator;
import com.crossdeck.spring.identity.CrossdeckUserIdResolver;
import com.crossdeck.spring.identity.IdentityInputValidator;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.identity.SignInLinking;
import com.crossdeck.spring.identity.SignedOutIdentifiers;
import com.crossdeck.spring.lifecycle.CrossdeckLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Auto-configures the {@link CrossdeckServer} client, the identity it attributes events to ({@link
 * IdentityConfiguration}), and its drain on shutdown.
 *
 * <p>The client comes from {@code crossdeck.*} properties: a disabled client when {@code
 * crossdeck.enabled=false}; an embedded emulator when no secret key is set and {@code
 * crossdeck-emulator} is on the classpath; otherwise the key is required. A {@link CrossdeckServer}
 * bean of the application's own replaces it.
 */
@AutoConfiguration
@EnableConfigurationProperties(CrossdeckProperties.class)
public final class CrossdeckAutoConfiguration {

  private static final Log logger = LogFactory.getLog(CrossdeckAutoConfiguration.class);

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  CrossdeckServerFactory crossdeckServerFactory(
      CrossdeckProperties properties,
      Environment environment,
      CrossdeckIdentity identity,
      ObjectProvider<CrossdeckListener> listeners,
      ObjectProvider<CrossdeckServerBuilderCustomizer> customizers,
      BeanFactory beanFactory) {
    return new CrossdeckServerFactory(
        properties,
        environment.getProperty("spring.application.name"),
        applicationPackages(beanFactory),
        identity,
        listeners,
        customizers);
  }

  /** Closed by Spring after every bean using it, delivering what later shutdown code tracked. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  CrossdeckServer crossdeckServer(CrossdeckServerFactory factory) {
    return factory.create();
  }

  @Bean
  @ConditionalOnMissingBean
  CrossdeckLifecycle crossdeckLifecycle(
      CrossdeckServer client, CrossdeckProperties properties, Environment environment) {
    Duration timeout = properties.getShutdownTimeout();
    Duration phaseTimeout =
        Binder.get(environment)
            .bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
            .orElse(Duration.ofSeconds(30));
    if (timeout.compareTo(phaseTimeout) >= 0) {
      logger.warn(
          "crossdeck.shutdown-timeout ("
              + timeout.toMillis()
              + " ms) is not below spring.lifecycle.timeout-per-shutdown-phase ("
              + phaseTimeout.toMillis()
              + " ms): Spring may move on before Crossdeck delivered its last events.");
    }
    return new CrossdeckLifecycle(client, timeout);
  }

  /** In-app frames default to the packages of the {@code @SpringBootApplication} class. */
  private static List<String> applicationPackages(BeanFactory beanFactory) {
    if (!AutoConfigurationPackages.has(beanFactory)) {
      return List.of();
    }
    return AutoConfigurationPackages.get(beanFactory).stream().map(name -> name + ".").toList();
  }

  /**
   * Who events are about: the request identity and the checks on what browsers send, the user id
   * resolution, and the linking of a visitor's anonymous id to the user who signs in.
   */
  @Configuration(proxyBeanMethods = false)
  static class IdentityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdentityInputValidator crossdeckIdentityInputValidator(CrossdeckProperties properties) {
      String pattern = properties.getIdentity().getAnonymousIdPattern();
      try {
        return new IdentityInputValidator(Pattern.compile(pattern));
      } catch (PatternSyntaxException e) {
        throw new CrossdeckConfigurationException(
            "crossdeck.identity.anonymous-id-pattern is not a regular expression: "
                + e.getDescription()
                + ".",
            "Set crossdeck.identity.anonymous-id-pattern to a valid regular expression, or remove"
                + " it to accept the ids of Crossdeck's SDKs.",
            e);
      }
    }

    @Bean
    @ConditionalOnMissingBean
    SignedOutIdentifiers crossdeckSignedOutIdentifiers() {
      return new SignedOutIdentifiers();
    }

    @Bean
    @ConditionalOnMissingBean
    RequestIdentityReader crossdeckRequestIdentityReader(
        IdentityInputValidator validator, SignedOutIdentifiers signedOut) {
      return new RequestIdentityReader(validator, signedOut, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    CrossdeckIdentity crossdeckIdentity(ObjectProvider<CrossdeckUserIdResolver> resolvers) {
      return new CrossdeckIdentity(resolvers);
    }

    /**
     * Spring Boot applies every task decorator bean to the executors it auto-configures, composing
     * it with the application's own, so this one takes nothing away.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(
        name = "crossdeck.identity.propagate-to-tasks",
        matchIfMissing = true)
    CrossdeckIdentityTaskDecorator crossdeckIdentityTaskDecorator(CrossdeckIdentity identity) {
      return new CrossdeckIdentityTaskDecorator(identity);
    }

    /** Available to application code that links on other occasions (an email link, say). */
    @Bean
    @ConditionalOnMissingBean
    AnonymousIdLinker crossdeckAnonymousIdLinker(CrossdeckServer client) {
      return new AnonymousIdLinker(client);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(
        name = "crossdeck.identity.link-anonymous-on-login",
        matchIfMissing = true)
    SignInLinking crossdeckSignInLinking(AnonymousIdLinker linker) {
      return new SignInLinking(linker);
    }
  }

  /**
   * With no secret key and the emulator on the classpath, the application starts an emulator and
   * sends to it: a working local setup with nothing to configure. Registered before the outer
   * class's client, which then backs off.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(CrossdeckEmulator.class)
  @ConditionalOnBooleanProperty(name = "crossdeck.enabled", matchIfMissing = true)
  @ConditionalOnBooleanProperty(name = "crossdeck.emulator.enabled", matchIfMissing = true)
  @Conditional(SecretKeyAbsentCondition.class)
  @ConditionalOnMissingBean(CrossdeckServer.class)
  static class EmbeddedEmulatorConfiguration {

    /** Inject it in tests to read what the application sent. */
    @Bean(destroyMethod = "close")
    CrossdeckEmulator crossdeckEmulator(CrossdeckProperties properties) {
      CrossdeckProperties.Emulator settings = properties.getEmulator();
      CrossdeckEmulator emulator =
          CrossdeckEmulator.builder()
              .port(settings.getPort())
              .allowedOrigins(settings.getAllowedOrigins().toArray(String[]::new))
              .build()
              .start();
      logger.warn(
          "No crossdeck.secret-key is set: Crossdeck events go to an embedded emulator at "
              + emulator.baseUrl()
              + " and are discarded when the application stops. Watch them at "
              + emulator.timelineUrl()
              + " . Set crossdeck.secret-key to send events to Crossdeck; keep crossdeck-emulator"
              + " a development or test dependency.");
      return emulator;
    }

    @Bean
    EmbeddedEmulatorInfo crossdeckEmbeddedEmulatorInfo(CrossdeckEmulator emulator) {
      return new EmbeddedEmulatorInfo(emulator.timelineUrl());
    }

    /**
     * Depends on the emulator bean, so Spring destroys this client (its final drain) before it
     * stops the emulator.
     */
    @Bean(destroyMethod = "close")
    CrossdeckServer crossdeckServer(CrossdeckServerFactory factory, CrossdeckEmulator emulator) {
      return factory.create(CrossdeckEmulator.TEST_SECRET_KEY, emulator.baseUrl());
    }
  }
}
