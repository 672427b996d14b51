package com.crossdeck.spring;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * A security context strategy holding one context for every thread; unlike Spring Security's
 * thread-local strategy (whose state is static), it is independent of {@code
 * SecurityContextHolder}, so a test can tell the two apart.
 */
public final class FixedSecurityContextStrategy implements SecurityContextHolderStrategy {

  private volatile SecurityContext context = createEmptyContext();

  /** A strategy whose context holds {@code authentication}. */
  public static FixedSecurityContextStrategy of(Authentication authentication) {
    FixedSecurityContextStrategy strategy = new FixedSecurityContextStrategy();
    strategy.setContext(new SecurityContextImpl(authentication));
    return strategy;
  }

  @Override
  public void clearContext() {
    context = createEmptyContext();
  }

  @Override
  public SecurityContext getContext() {
    return context;
  }

  @Override
  public void setContext(SecurityContext context) {
    this.context = context;
  }

  @Override
  public SecurityContext createEmptyContext() {
    return new SecurityContextImpl();
  }
}
