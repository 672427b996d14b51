package com.crossdeck.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.spring.identity.CrossdeckSignOutEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class WebSdkCookieExpiryTests {

  private static final String EXPIRED =
      "; Max-Age=0; Expires=Thu, 1 Jan 1970 00:00:00 GMT; SameSite=Lax";

  private final WebSdkCookieExpiry expiry =
      new WebSdkCookieExpiry("crossdeck:anon_id", "crossdeck:cdcust_id");

  private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/logout");
  private final MockHttpServletResponse response = new MockHttpServletResponse();

  @AfterEach
  void unbindRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void expiresBothCookiesHostOnlyAndForEveryParentDomainAtSignOut() {
    request.setServerName("app.shop.example");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));

    expiry.onApplicationEvent(new CrossdeckSignOutEvent(this));

    assertThat(response.getHeaders("Set-Cookie"))
        .containsExactly(
            "crossdeck%3Aanon_id=; Path=/" + EXPIRED,
            "crossdeck%3Aanon_id=; Path=/; Domain=app.shop.example" + EXPIRED,
            "crossdeck%3Aanon_id=; Path=/; Domain=shop.example" + EXPIRED,
            "crossdeck%3Acdcust_id=; Path=/" + EXPIRED,
            "crossdeck%3Acdcust_id=; Path=/; Domain=app.shop.example" + EXPIRED,
            "crossdeck%3Acdcust_id=; Path=/; Domain=shop.example" + EXPIRED);
  }

  @Test
  void marksTheExpiriesSecureOverHttps() {
    request.setServerName("localhost");
    request.setSecure(true);

    expiry.expire(request, response);

    assertThat(response.getHeaders("Set-Cookie"))
        .hasSize(2)
        .allSatisfy(cookie -> assertThat(cookie).contains("; Secure"));
  }

  @Test
  void givesHostsThatAreNoDomainNamesTheHostOnlyExpiryAlone() {
    for (String host : List.of("localhost", "127.0.0.1", "[::1]", "evil.example;x=1", "")) {
      assertThat(WebSdkCookies.parentDomains(host)).as(host).isEmpty();
    }
  }

  @Test
  void expiresAtMostTheBroadestParentDomainsOfADeepHost() {
    String deep = "a.b.c.d.e.f.g.h.i.j.example.com";

    assertThat(WebSdkCookies.parentDomains(deep))
        .hasSize(WebSdkCookies.MAX_DOMAINS)
        .endsWith("j.example.com", "example.com");
  }

  @Test
  void doesNothingOutsideAWebRequest() {
    expiry.onApplicationEvent(new CrossdeckSignOutEvent(this));

    assertThat(response.getHeaders("Set-Cookie")).isEmpty();
  }

  @Test
  void leavesACommittedResponseAlone() throws Exception {
    response.flushBuffer();
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));

    expiry.onApplicationEvent(new CrossdeckSignOutEvent(this));

    assertThat(response.getHeaders("Set-Cookie")).isEmpty();
  }
}
