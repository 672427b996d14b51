package com.crossdeck.sample.accounts;

import com.crossdeck.spring.identity.CrossdeckUserIdResolver;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tells Crossdeck who the signed-in user is: their stable user id ({@code user_ada}), not the name
 * they sign in with ({@code ada}).
 *
 * <p>The starter's default is Spring Security's principal name. Here that is a username, which a
 * person can change, and in many applications it is an email address: neither may be a Crossdeck
 * user id, because Crossdeck joins a customer's timeline on it forever. Declaring this bean
 * replaces the default for every event tracked without an explicit identity, including
 * {@code @TrackEvent} methods and the starter's automatic anonymous-id linking.
 *
 * <p>It runs on the thread tracking the event and must not do I/O: the lookup here is in memory.
 * With a database, put the id into your principal (a custom {@code UserDetails}, or the subject of
 * a JWT) and read it from there.
 */
@Component
class AccountUserIdResolver implements CrossdeckUserIdResolver {

  private final AccountStore accounts;
  private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

  AccountUserIdResolver(AccountStore accounts) {
    this.accounts = accounts;
  }

  @Override
  public String resolveUserId() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!trustResolver.isAuthenticated(authentication)) {
      return null; // an anonymous visitor keeps their anonymous id
    }
    return accounts.findByUsername(authentication.getName()).map(Account::id).orElse(null);
  }
}
