package com.crossdeck.spring.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.spring.FixedSecurityContextStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class SpringSecurityUserIdResolverTests {

  @Test
  void resolvesTheAuthenticatedPrincipalsName() {
    assertThat(
            resolverSeeing(
                    UsernamePasswordAuthenticationToken.authenticated(
                        "user_42", null, AuthorityUtils.createAuthorityList("ROLE_USER")))
                .resolveUserId())
        .isEqualTo("user_42");
  }

  @Test
  void ignoresAnonymousAuthentication() {
    assertThat(
            resolverSeeing(
                    new AnonymousAuthenticationToken(
                        "key",
                        "anonymousUser",
                        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))
                .resolveUserId())
        .isNull();
  }

  @Test
  void ignoresUnauthenticatedTokens() {
    assertThat(
            resolverSeeing(UsernamePasswordAuthenticationToken.unauthenticated("user_42", "pw"))
                .resolveUserId())
        .isNull();
  }

  @Test
  void resolvesNothingWithoutAnAuthentication() {
    assertThat(resolverSeeing(null).resolveUserId()).isNull();
  }

  @Test
  void readsTheContextThroughTheGivenStrategyNotTheGlobalHolder() {
    SecurityContextHolder.getContext()
        .setAuthentication(new TestingAuthenticationToken("global_user", null, List.of()));
    try {
      assertThat(resolverSeeing(null).resolveUserId()).isNull();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static SpringSecurityUserIdResolver resolverSeeing(Authentication authentication) {
    FixedSecurityContextStrategy strategy = FixedSecurityContextStrategy.of(authentication);
    return new SpringSecurityUserIdResolver(() -> strategy, new AuthenticationTrustResolverImpl());
  }
}
