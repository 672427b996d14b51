package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.web.reactive.CrossdeckIdentityWebFilter;
import com.crossdeck.spring.web.reactive.CrossdeckPrincipalUserIdResolver;
import com.crossdeck.spring.web.reactive.CrossdeckWebFluxSecurity;
import com.crossdeck.spring.web.reactive.ExchangeIdentityReader;
import com.crossdeck.spring.web.reactive.PrincipalUserIds;
import java.security.Principal;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Auto-configures request identity for WebFlux applications: the {@link CrossdeckIdentityWebFilter}
 * that carries each request's identity in the Reactor {@code Context}, the user id of its principal
 * ({@link CrossdeckPrincipalUserIdResolver}), and, with Spring Security, the {@link
 * CrossdeckWebFluxSecurity} handlers an application plugs into its login and logout.
 */
@AutoConfiguration(after = CrossdeckIdentityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({WebFilter.class, Mono.class})
@ConditionalOnBooleanProperty(name = "crossdeck.web.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CrossdeckProperties.class)
public final class CrossdeckReactiveWebAutoConfiguration {

  private static final Log logger = LogFactory.getLog(CrossdeckReactiveWebAutoConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  ExchangeIdentityReader crossdeckExchangeIdentityReader(
      CrossdeckProperties properties, RequestIdentityReader reader) {
    CrossdeckProperties.Identity identity = properties.getIdentity();
    return new ExchangeIdentityReader(
        identity.getAnonymousIdHeader(),
        identity.getAnonymousIdCookie(),
        identity.getCustomerIdCookie(),
        reader);
  }

  @Bean
  @ConditionalOnMissingBean
  CrossdeckPrincipalUserIdResolver crossdeckPrincipalUserIdResolver() {
    return Principal::getName;
  }

  @Bean
  @ConditionalOnMissingBean
  CrossdeckIdentityWebFilter crossdeckIdentityWebFilter(
      ExchangeIdentityReader identities,
      PrincipalUserIds users,
      CrossdeckProperties properties,
      Environment environment) {
    String propagation =
        Binder.get(environment)
            .bind("spring.reactor.context-propagation", String.class)
            .orElse("limited");
    if (!"auto".equalsIgnoreCase(propagation)) {
      logger.info(
          "Crossdeck carries each request's identity in the Reactor Context: @TrackEvent methods"
              + " returning Mono or Flux get it anywhere, crossdeck.track(...) gets it in handle and"
              + " tap. Set spring.reactor.context-propagation=auto for every operator and for"
              + " @TrackEvent methods that return plain values.");
    }
    return new CrossdeckIdentityWebFilter(
        identities, users, properties.getWeb().getReactiveFilterOrder());
  }

  /**
   * With Spring Security, an anonymous authentication is no user; {@link
   * AuthenticationTrustResolver} tells, the application's when it has exactly one.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({Authentication.class, AuthenticationTrustResolver.class})
  static class SecurityPrincipalConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PrincipalUserIds crossdeckPrincipalUserIds(
        ObjectProvider<AuthenticationTrustResolver> trustResolvers,
        CrossdeckPrincipalUserIdResolver resolver) {
      AuthenticationTrustResolver trust =
          trustResolvers.getIfUnique(AuthenticationTrustResolverImpl::new);
      return new PrincipalUserIds(
          principal ->
              !(principal instanceof Authentication authentication)
                  || trust.isAuthenticated(authentication),
          resolver);
    }

    /** Present only with Spring Security's web support, which defines the handler types. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ServerAuthenticationSuccessHandler.class)
    static class SignInSignOutConfiguration {

      @Bean
      @ConditionalOnMissingBean
      CrossdeckWebFluxSecurity crossdeckWebFluxSecurity(
          ExchangeIdentityReader identities,
          PrincipalUserIds users,
          ApplicationEventPublisher publisher) {
        return new CrossdeckWebFluxSecurity(identities, users, publisher);
      }
    }
  }

  /** Without Spring Security, any principal the application attaches to the exchange is a user. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass("org.springframework.security.core.Authentication")
  static class PlainPrincipalConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PrincipalUserIds crossdeckPrincipalUserIds(CrossdeckPrincipalUserIdResolver resolver) {
      return new PrincipalUserIds(principal -> true, resolver);
    }
  }
}
