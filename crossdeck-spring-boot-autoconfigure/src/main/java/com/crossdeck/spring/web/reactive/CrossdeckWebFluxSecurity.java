package com.crossdeck.spring.web.reactive;

import com.crossdeck.spring.identity.CrossdeckSignInEvent;
import com.crossdeck.spring.identity.CrossdeckSignOutEvent;
import com.crossdeck.spring.identity.RequestIdentity;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import reactor.core.publisher.Mono;

/**
 * Sign-in linking and sign-out for WebFlux applications secured with Spring Security. Reactive
 * Spring Security publishes no application events at sign-in or sign-out, so the application opts
 * in by wrapping the handlers of its login and logout with these:
 *
 * <pre>{@code
 * @Bean
 * SecurityWebFilterChain security(ServerHttpSecurity http, CrossdeckWebFluxSecurity crossdeck) {
 *   return http
 *       .formLogin(login -> login.authenticationSuccessHandler(
 *           crossdeck.signIn(new RedirectServerAuthenticationSuccessHandler("/"))))
 *       .logout(logout -> logout.logoutSuccessHandler(
 *           crossdeck.signOut(new RedirectServerLogoutSuccessHandler())))
 *       .build();
 * }
 * }</pre>
 *
 * <p>{@link #signIn} publishes a {@link CrossdeckSignInEvent} for the user who just signed in, with
 * the identity the sign-in request presented, so the starter links that request's anonymous id to
 * the user exactly as it does for servlet applications (once, never to a second user). Wrap the
 * success handler of interactive sign-ins only (login form, OAuth2 login), never that of HTTP Basic
 * or bearer tokens. {@link #signOut} publishes a {@link CrossdeckSignOutEvent}, so the request's
 * ids are no longer used, and expires the web SDK's cookies on the response. Both then call the
 * wrapped handler; a failure of Crossdeck's part is logged once and never stops the sign-in or
 * sign-out. Thread-safe.
 */
public final class CrossdeckWebFluxSecurity {

  private static final Log logger = LogFactory.getLog(CrossdeckWebFluxSecurity.class);

  private final ExchangeIdentityReader identities;
  private final PrincipalUserIds users;
  private final ApplicationEventPublisher publisher;
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  /**
   * Creates the handlers' factory.
   *
   * @param identities reads what the request presented
   * @param users names the user who signed in
   * @param publisher publishes the sign-in and sign-out events
   */
  public CrossdeckWebFluxSecurity(
      ExchangeIdentityReader identities,
      PrincipalUserIds users,
      ApplicationEventPublisher publisher) {
    this.identities = identities;
    this.users = users;
    this.publisher = publisher;
  }

  /** The success handler of an interactive sign-in: links, then calls {@code delegate}. */
  public ServerAuthenticationSuccessHandler signIn(ServerAuthenticationSuccessHandler delegate) {
    return (exchange, authentication) ->
        Mono.defer(
            () -> {
              try {
                String userId = users.of(authentication);
                if (userId != null) {
                  publisher.publishEvent(
                      new CrossdeckSignInEvent(this, userId, identityOf(exchange)));
                }
              } catch (RuntimeException e) {
                failed("sign-in", e);
              }
              return delegate.onAuthenticationSuccess(exchange, authentication);
            });
  }

  /** The logout success handler: forgets and expires the ids, then calls {@code delegate}. */
  public ServerLogoutSuccessHandler signOut(ServerLogoutSuccessHandler delegate) {
    return (exchange, authentication) ->
        Mono.defer(
            () -> {
              try {
                publisher.publishEvent(new CrossdeckSignOutEvent(this, identityOf(exchange)));
                ServerHttpResponse response = exchange.getExchange().getResponse();
                for (ResponseCookie cookie : identities.expiredCookies(exchange.getExchange())) {
                  response.addCookie(cookie);
                }
              } catch (RuntimeException e) {
                failed("sign-out", e);
              }
              return delegate.onLogoutSuccess(exchange, authentication);
            });
  }

  private RequestIdentity identityOf(WebFilterExchange exchange) {
    return identities.read(exchange.getExchange());
  }

  private void failed(String what, RuntimeException error) {
    if (failureLogged.compareAndSet(false, true)) {
      logger.warn(
          "Crossdeck could not handle a "
              + what
              + "; it went ahead. Further failures are not logged.",
          error);
    }
  }
}
