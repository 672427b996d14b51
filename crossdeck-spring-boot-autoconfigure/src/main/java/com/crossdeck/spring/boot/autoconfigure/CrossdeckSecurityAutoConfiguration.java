package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.spring.identity.CrossdeckUserIdResolver;
import com.crossdeck.spring.identity.SpringSecurityUserIdResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configures the Spring Security {@link CrossdeckUserIdResolver}: events tracked without an
 * identity are attributed to the authenticated principal. Works in web and non-web applications
 * alike (for example in {@code @Async} methods run with a propagated security context).
 */
@AutoConfiguration
@ConditionalOnClass({SecurityContextHolder.class, AuthenticationTrustResolver.class})
public final class CrossdeckSecurityAutoConfiguration {

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
