package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.spring.identity.AnonymousIdLinker;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import com.crossdeck.spring.identity.CrossdeckIdentityTaskDecorator;
import com.crossdeck.spring.identity.CrossdeckUserIdResolver;
import com.crossdeck.spring.identity.IdentityInputValidator;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.identity.SignInLinking;
import com.crossdeck.spring.identity.SignedOutIdentifiers;
import java.time.Clock;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * Auto-configures who events are about, whatever the web stack: the checks on what browsers send
 * and the {@link RequestIdentityReader} that applies them, the {@link CrossdeckIdentity} the client
 * falls back to (user id from the {@link CrossdeckUserIdResolver} beans), its propagation to
 * {@code @Async} tasks, and the linking of a visitor's anonymous id to the user who signs in.
 */
@AutoConfiguration
@EnableConfigurationProperties(CrossdeckProperties.class)
public final class CrossdeckIdentityAutoConfiguration {

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
   * Available to application code that links on other occasions (an email link, say). It forgets
   * the links of a person {@link CrossdeckServer#forget} erased.
   */
  @Bean
  @ConditionalOnMissingBean
  AnonymousIdLinker crossdeckAnonymousIdLinker(CrossdeckServer client) {
    AnonymousIdLinker linker = new AnonymousIdLinker(client);
    client.onErasure(linker::forget);
    return linker;
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(
      name = "crossdeck.identity.link-anonymous-on-login",
      matchIfMissing = true)
  SignInLinking crossdeckSignInLinking(AnonymousIdLinker linker) {
    return new SignInLinking(linker);
  }

  /**
   * Spring Boot 4 applies every task decorator bean to the executors it auto-configures, composing
   * it with the application's own, so this one takes nothing away.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.thread.Threading")
  @ConditionalOnBooleanProperty(
      name = "crossdeck.identity.propagate-to-tasks",
      matchIfMissing = true)
  static class ComposedTaskDecoratorConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CrossdeckIdentityTaskDecorator crossdeckIdentityTaskDecorator(CrossdeckIdentity identity) {
      return new CrossdeckIdentityTaskDecorator(identity);
    }
  }

  /**
   * Spring Boot 3 applies a task decorator bean only when it is the only one: next to the
   * application's own, both would be ignored. So there this one steps back when the application has
   * a decorator; compose it into yours to keep the identity in tasks.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.autoconfigure.thread.Threading")
  @ConditionalOnBooleanProperty(
      name = "crossdeck.identity.propagate-to-tasks",
      matchIfMissing = true)
  static class UniqueTaskDecoratorConfiguration {

    @Bean
    @ConditionalOnMissingBean(TaskDecorator.class)
    CrossdeckIdentityTaskDecorator crossdeckIdentityTaskDecorator(CrossdeckIdentity identity) {
      return new CrossdeckIdentityTaskDecorator(identity);
    }
  }
}
