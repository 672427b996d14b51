package com.crossdeck.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.spring.WebSdkIds;
import com.crossdeck.spring.identity.IdentityInputValidator;
import com.crossdeck.spring.identity.RequestIdentity;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.identity.SignedOutIdentifiers;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CrossdeckIdentityFilterTests {

  private final IdentityInputValidator validator = new IdentityInputValidator();

  private final RequestIdentityReader reader =
      new RequestIdentityReader(validator, new SignedOutIdentifiers(), Clock.systemUTC());

  private final CrossdeckIdentityFilter filter =
      new CrossdeckIdentityFilter("X-Anon-Id", "crossdeck:anon_id", "crossdeck:cdcust_id", reader);

  private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");

  @Test
  void bindsTheAnonymousIdFromTheHeader() throws Exception {
    request.addHeader("X-Anon-Id", "anon_header1");

    assertThat(identitySeenByTheApplication()).contains(new RequestIdentity("anon_header1", null));
  }

  @Test
  void readsTheWebSdkCookieAsBrowsersSendItUrlEncoded() throws Exception {
    request.setCookies(new Cookie("crossdeck%3Aanon_id", "anon_cookie1"));

    assertThat(identitySeenByTheApplication()).contains(new RequestIdentity("anon_cookie1", null));
  }

  @Test
  void urlDecodesTheCookieValue() throws Exception {
    request.setCookies(new Cookie("crossdeck%3Aanon_id", "anon%5Fweb%2D1"));

    assertThat(identitySeenByTheApplication()).contains(new RequestIdentity("anon_web-1", null));
  }

  @Test
  void readsACookieConfiguredUnderAPlainName() throws Exception {
    CrossdeckIdentityFilter plain =
        new CrossdeckIdentityFilter("X-Anon-Id", "visitor_id", "customer_id", reader);
    request.setCookies(
        new Cookie("visitor_id", "anon_plain1"), new Cookie("customer_id", "cdcust_1"));

    assertThat(identitySeenBy(plain, request))
        .contains(new RequestIdentity("anon_plain1", "cdcust_1"));
  }

  @Test
  void prefersTheHeaderOverTheCookie() throws Exception {
    request.addHeader("X-Anon-Id", "anon_header1");
    request.setCookies(new Cookie("crossdeck%3Aanon_id", "anon_cookie1"));

    assertThat(identitySeenByTheApplication()).contains(new RequestIdentity("anon_header1", null));
  }

  @Test
  void ignoresAnOverLongHeaderAndFallsBackToTheCookie() throws Exception {
    request.addHeader("X-Anon-Id", "a".repeat(257));
    request.setCookies(new Cookie("crossdeck%3Aanon_id", "anon_cookie1"));

    assertThat(identitySeenByTheApplication()).contains(new RequestIdentity("anon_cookie1", null));
    assertThat(validator.rejectedCount()).isOne();
  }

  @Test
  void ignoresAForgedHeaderWhenThereIsNoCookie() throws Exception {
    request.addHeader("X-Anon-Id", "anon_1\"><script>");

    assertThat(identitySeenByTheApplication()).contains(RequestIdentity.NONE);
    assertThat(validator.rejectedCount()).isOne();
  }

  @Test
  void passesEveryValueOfARepeatedCookieSoTheNewestIdWins() throws Exception {
    String older = WebSdkIds.minted(Instant.parse("2025-01-10T08:00:00Z"), "a1b2c3d4e5");
    String newer = WebSdkIds.minted(Instant.parse("2026-03-02T17:30:00Z"), "f6g7h8i9j0");
    request.setCookies(
        new Cookie("crossdeck%3Aanon_id", newer),
        new Cookie("session", "s1"),
        new Cookie("crossdeck%3Aanon_id", older));

    assertThat(identitySeenByTheApplication()).contains(new RequestIdentity(newer, null));
    assertThat(reader.ambiguousCount()).isOne();
  }

  @Test
  void bindsTheCustomerIdCookie() throws Exception {
    request.setCookies(new Cookie("crossdeck%3Acdcust_id", "cdcust_77"));

    assertThat(identitySeenByTheApplication()).contains(new RequestIdentity(null, "cdcust_77"));
  }

  @Test
  void unbindsTheIdentityWhenTheRequestCompletes() throws Exception {
    request.addHeader("X-Anon-Id", "anon_header1");

    identitySeenByTheApplication();

    assertThat(RequestIdentity.current()).isEmpty();
  }

  @Test
  void bindsTheSameIdentityAgainOnAnAsyncDispatch() throws Exception {
    request.addHeader("X-Anon-Id", "anon_header1");
    identitySeenByTheApplication();
    MockHttpServletRequest asyncDispatch = new MockHttpServletRequest("GET", "/");
    asyncDispatch.setDispatcherType(DispatcherType.ASYNC);
    asyncDispatch.setAttribute(
        CrossdeckIdentityFilter.IDENTITY_ATTRIBUTE,
        request.getAttribute(CrossdeckIdentityFilter.IDENTITY_ATTRIBUTE));

    assertThat(identitySeenBy(filter, asyncDispatch))
        .contains(new RequestIdentity("anon_header1", null));
  }

  private Optional<RequestIdentity> identitySeenByTheApplication() throws Exception {
    return identitySeenBy(filter, request);
  }

  private static Optional<RequestIdentity> identitySeenBy(
      CrossdeckIdentityFilter filter, MockHttpServletRequest request) throws Exception {
    AtomicReference<Optional<RequestIdentity>> seen = new AtomicReference<>();
    MockFilterChain chain =
        new MockFilterChain(
            new HttpServlet() {
              private static final long serialVersionUID = 1L;

              @Override
              protected void service(HttpServletRequest req, HttpServletResponse res) {
                seen.set(RequestIdentity.current());
              }
            });
    filter.doFilter(request, new MockHttpServletResponse(), chain);
    return seen.get();
  }
}
