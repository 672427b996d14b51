package com.crossdeck.spring.identity;

import org.jspecify.annotations.Nullable;

/**
 * Decides the stable user id of the code running on the current thread, for events tracked without
 * an identity.
 *
 * <p>Called when an event is tracked, on the thread tracking it (never on the SDK's sender thread),
 * so it can read thread-bound state such as Spring Security's context. Declare beans of this type
 * to replace the built-in resolvers (the authenticated Spring Security principal, then the servlet
 * request's principal); several beans are consulted in {@link
 * org.springframework.core.annotation.Order @Order}, and the first non-blank id wins.
 *
 * <p>Return your application's stable user id, never an email address or a display name: it is the
 * key Crossdeck joins customer timelines on.
 *
 * <pre>{@code
 * @Bean
 * CrossdeckUserIdResolver accountIdResolver(CurrentAccount account) {
 *   return () -> account.isSignedIn() ? account.id() : null;
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe, quick, and must not do I/O. An exception thrown here is
 * logged once and treated as "no user".
 */
@FunctionalInterface
public interface CrossdeckUserIdResolver {

  /**
   * Returns the current user's id.
   *
   * @return the user id, or {@code null} when no user is signed in on this thread
   */
  @Nullable String resolveUserId();
}
