package com.crossdeck.spring.web.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.spring.identity.CarriedIdentity;
import com.crossdeck.spring.identity.IdentityInputValidator;
import com.crossdeck.spring.identity.RequestIdentity;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.identity.SignedOutIdentifiers;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

class CrossdeckIdentityWebFilterTests {

  private final RequestIdentityReader reader =
      new RequestIdentityReader(
          new IdentityInputValidator(), new SignedOutIdentifiers(), Clock.systemUTC());
  private final ExchangeIdentityReader identities =
      new ExchangeIdentityReader("X-Anon-Id", "crossdeck:anon_id", "crossdeck:cdcust_id", reader);
  private final CrossdeckIdentityWebFilter filter =
      new CrossdeckIdentityWebFilter(
          identities,
          new PrincipalUserIds(
              principal ->
                  !(principal instanceof Authentication authentication)
                      || new AuthenticationTrustResolverImpl().isAuthenticated(authentication),
              java.security.Principal::getName),
          -99);

  @Test
  void carriesTheAnonymousIdHeaderInTheChainsContext() {
    CarriedIdentity carried =
        carriedThrough(MockServerHttpRequest.get("/").header("X-Anon-Id", "anon_header1"));

    assertThat(carried)
        .isEqualTo(new CarriedIdentity(null, new RequestIdentity("anon_header1", null)));
  }

  @Test
  void readsTheWebSdksCookiesUrlEncodedInNameAndValue() {
    CarriedIdentity carried =
        carriedThrough(
            MockServerHttpRequest.get("/")
                .cookie(
                    new HttpCookie("crossdeck%3Aanon_id", "anon_cookie%5F1"),
                    new HttpCookie("crossdeck%3Acdcust_id", "cdcust_9")));

    assertThat(carried.request()).isEqualTo(new RequestIdentity("anon_cookie_1", "cdcust_9"));
  }

  @Test
  void carriesTheAuthenticatedUserAlongsideWhatTheRequestPresented() {
    Authentication user =
        UsernamePasswordAuthenticationToken.authenticated("user_42", null, List.of());

    CarriedIdentity carried =
        carriedThrough(
            MockServerWebExchange.builder(
                    MockServerHttpRequest.get("/").header("X-Anon-Id", "anon_before"))
                .principal(user)
                .build());

    assertThat(carried.userId()).isEqualTo("user_42");
    assertThat(carried.hint())
        .hasValueSatisfying(hint -> assertThat(hint.value()).isEqualTo("user_42"));
  }

  @Test
  void treatsAnonymousAuthenticationAsNoUser() {
    Authentication anonymous =
        new AnonymousAuthenticationToken(
            "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    CarriedIdentity carried =
        carriedThrough(
            MockServerWebExchange.builder(
                    MockServerHttpRequest.get("/").header("X-Anon-Id", "anon_visitor"))
                .principal(anonymous)
                .build());

    assertThat(carried)
        .isEqualTo(new CarriedIdentity(null, new RequestIdentity("anon_visitor", null)));
  }

  @Test
  void ignoresAForgedHeaderAndAddsNothingForARequestWithoutIdentity() {
    assertThat(carriedThrough(MockServerHttpRequest.get("/").header("X-Anon-Id", "x".repeat(300))))
        .isNull();
  }

  @Test
  void parsesTheIdentityOncePerExchange() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/").header("X-Anon-Id", "anon_once"));

    RequestIdentity first = identities.read(exchange);

    assertThat(identities.read(exchange)).isSameAs(first);
    assertThat((Object) exchange.getAttribute(ExchangeIdentityReader.IDENTITY_ATTRIBUTE))
        .isSameAs(first);
  }

  private CarriedIdentity carriedThrough(MockServerHttpRequest.BaseBuilder<?> request) {
    return carriedThrough(MockServerWebExchange.from(request));
  }

  private CarriedIdentity carriedThrough(ServerWebExchange exchange) {
    AtomicReference<CarriedIdentity> seen = new AtomicReference<>();
    WebFilterChain chain =
        filtered ->
            Mono.deferContextual(
                context -> {
                  seen.set(
                      context
                          .<CarriedIdentity>getOrEmpty(CarriedIdentity.CONTEXT_KEY)
                          .orElse(null));
                  return Mono.empty();
                });
    filter.filter(exchange, chain).block();
    return seen.get();
  }
}
