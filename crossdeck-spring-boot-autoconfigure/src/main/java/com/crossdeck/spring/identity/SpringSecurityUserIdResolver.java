package com.crossdeck.spring.identity;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The built-in {@link CrossdeckUserIdResolver} for Spring Security: the name of the current
 * authenticated principal ({@link Authentication#getName()}, for example a JWT's subject).
 *
 * <p>Anonymous authentication ({@code anonymousUser}) and unauthenticated tokens are ignored
 * through the {@link AuthenticationTrustResolver}, so an anonymous visitor keeps their anonymous
 * id. Reads the context through the application's {@link SecurityContextHolderStrategy}, as Spring
 * Security's own configurers do. If your principal's name is an email address, declare a {@link
 * CrossdeckUserIdResolver} bean that returns your stable user id instead.
 */
public final class SpringSecurityUserIdResolver implements CrossdeckUserIdResolver, Ordered {

  /** Consulted before the servlet principal. */
  private static final int ORDER = Ordered.LOWEST_PRECEDENCE - 20;

  private final Supplier<SecurityContextHolderStrategy> strategy;
  private final AuthenticationTrustResolver trustResolver;

  /**
   * Creates the resolver.
   *
   * @param strategy supplies the security context strategy; called on each resolution
   * @param trustResolver tells authenticated users from anonymous ones
   */
  public SpringSecurityUserIdResolver(
      Supplier<SecurityContextHolderStrategy> strategy, AuthenticationTrustResolver trustResolver) {
    this.strategy = strategy;
    this.trustResolver = trustResolver;
  }

  @Override
  public @Nullable String resolveUserId() {
    Authentication authentication = strategy.get().getContext().getAuthentication();
    return trustResolver.isAuthenticated(authentication) ? authentication.getName() : null;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
