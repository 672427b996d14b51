package com.crossdeck.spring.web.reactive;

import java.security.Principal;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The user id of a WebFlux request: its principal ({@link ServerWebExchange#getPrincipal()}, which
 * Spring Security fills from its reactive security context), when authenticated, as the {@link
 * CrossdeckPrincipalUserIdResolver} names it. Never fails: a principal that cannot be read or
 * resolved counts as none, logged once. Thread-safe.
 */
public final class PrincipalUserIds {

  private static final Log logger = LogFactory.getLog(PrincipalUserIds.class);

  private final Predicate<Principal> authenticated;
  private final CrossdeckPrincipalUserIdResolver resolver;
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  /**
   * Creates the lookup.
   *
   * @param authenticated tells authenticated principals from anonymous ones (Spring Security's
   *     anonymous authentication)
   * @param resolver names the user of an authenticated principal
   */
  public PrincipalUserIds(
      Predicate<Principal> authenticated, CrossdeckPrincipalUserIdResolver resolver) {
    this.authenticated = authenticated;
    this.resolver = resolver;
  }

  /** The user id of {@code exchange}'s principal; empty for anonymous requests. */
  public Mono<String> of(ServerWebExchange exchange) {
    return exchange
        .getPrincipal()
        .mapNotNull(this::of)
        .onErrorResume(
            error -> {
              failed(error);
              return Mono.empty();
            });
  }

  /** The user id of {@code principal}, or {@code null} when it is anonymous or has none. */
  public @Nullable String of(@Nullable Principal principal) {
    if (principal == null) {
      return null;
    }
    try {
      if (!authenticated.test(principal)) {
        return null;
      }
      String userId = resolver.resolveUserId(principal);
      return userId == null || userId.isBlank() ? null : userId;
    } catch (RuntimeException e) {
      failed(e);
      return null;
    }
  }

  private void failed(Throwable error) {
    if (failureLogged.compareAndSet(false, true)) {
      logger.warn(
          "Crossdeck could not resolve the user of a WebFlux request; treating it as anonymous."
              + " Further failures are not logged.",
          error);
    }
  }
}
