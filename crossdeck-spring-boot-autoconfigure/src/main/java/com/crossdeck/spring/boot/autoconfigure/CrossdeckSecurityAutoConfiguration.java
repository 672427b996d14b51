package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.spring.identity.CrossdeckIdentity;
import com.crossdeck.spring.identity.CrossdeckSignInEvent;
import com.crossdeck.spring.identity.CrossdeckSignOutEvent;
import com.crossdeck.spring.identity.CrossdeckUserIdResolver;
import com.crossdeck.spring.identity.SpringSecurityIdentityEvents;
import com.crossdeck.spring.identity.SpringSecurityUserIdResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configures Crossdeck's Spring Security integration: the {@link CrossdeckUserIdResolver} that
 * attributes events tracked without an identity to the authenticated principal (in web and non-web
 * applications alike, for example in {@code @Async} methods run with a propagated security
 * context), and the bridge that turns Spring Security's interactive sign-in and logout into the
 * {@link CrossdeckSignInEvent} and {@link CrossdeckSignOutEvent} the identity beans act on.
 */
@AutoConfiguration(after = CrossdeckIdentityAutoConfiguration.class)
@ConditionalOnClass({
  SecurityContextHolder.class,
  AuthenticationTrustResolver.class,
  InteractiveAuthenticationSuccessEvent.class,
  LogoutSuccessEvent.class
})
public final class CrossdeckSecurityAutoConfiguration {

  /** Spring Security publishes its events whether or not anything listens; this one listens. */
  @Bean
  @ConditionalOnMissingBean
  SpringSecurityIdentityEvents crossdeckSpringSecurityIdentityEvents(
      CrossdeckIdentity identity, ApplicationEventPublisher publisher) {
    return new SpringSecurityIdentityEvents(identity, publisher);
  }

  /**
   * Uses the application's {@link SecurityContextHolderStrategy} and {@link
   * AuthenticationTrustResolver} beans when there is exactly one, as Spring Security's own
   * configurers do, else the global strategy and the default trust resolver.
   */
  @Bean
  @ConditionalOnMissingBean(
      value = CrossdeckUserIdResolver.class,
      ignoredType = "com.crossdeck.spring.web.ServletPrincipalUserIdResolver")
  SpringSecurityUserIdResolver crossdeckSpringSecurityUserIdResolver(
      ObjectProvider<SecurityContextHolderStrategy> strategies,
      ObjectProvider<AuthenticationTrustResolver> trustResolvers) {
    return new SpringSecurityUserIdResolver(
        SingletonSupplier.of(
            () -> strategies.getIfUnique(SecurityContextHolder::getContextHolderStrategy)),
        trustResolvers.getIfUnique(AuthenticationTrustResolverImpl::new));
  }
}
