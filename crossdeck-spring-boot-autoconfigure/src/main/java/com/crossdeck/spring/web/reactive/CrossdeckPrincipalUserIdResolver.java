package com.crossdeck.spring.web.reactive;

import java.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * Decides the stable user id of a WebFlux request's authenticated principal, for events tracked in
 * that request without an identity and for the link made when a user signs in. The default is the
 * principal's name ({@code Authentication.getName()}, for example a JWT's subject); anonymous
 * authentication never reaches it.
 *
 * <p>Declare a bean of this type when the name is not your stable user id, such as an email
 * address:
 *
 * <pre>{@code
 * @Bean
 * CrossdeckPrincipalUserIdResolver accountIdResolver() {
 *   return principal -> principal instanceof JwtAuthenticationToken jwt
 *       ? jwt.getToken().getClaimAsString("account_id")
 *       : null;
 * }
 * }</pre>
 *
 * <p>Called once per request, on a Netty thread: it must be quick and must not block. An exception
 * thrown here is treated as "no user".
 */
@FunctionalInterface
public interface CrossdeckPrincipalUserIdResolver {

  /**
   * Returns the user id of an authenticated principal.
   *
   * @return the user id, or {@code null} to treat the request as anonymous
   */
  @Nullable String resolveUserId(Principal principal);
}
