package com.crossdeck.spring.web;

import com.crossdeck.spring.identity.CrossdeckUserIdResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The built-in {@link CrossdeckUserIdResolver} for servlet applications: the name of the current
 * request's {@link HttpServletRequest#getUserPrincipal() user principal}.
 *
 * <p>The request is the one Spring binds to the thread ({@link RequestContextHolder}); inside a
 * Spring MVC handler that is the request as wrapped by Spring Security, whose principal is the
 * authenticated user or {@code null} for anonymous visitors. Outside Spring Security it covers
 * container authentication. Returns {@code null} on threads without a request.
 */
public final class ServletPrincipalUserIdResolver implements CrossdeckUserIdResolver, Ordered {

  /** Consulted after the Spring Security resolver. */
  private static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

  @Override
  public @Nullable String resolveUserId() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      Principal principal = servlet.getRequest().getUserPrincipal();
      return principal == null ? null : principal.getName();
    }
    return null;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
