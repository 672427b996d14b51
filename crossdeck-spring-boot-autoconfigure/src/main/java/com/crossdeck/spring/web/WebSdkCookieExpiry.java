package com.crossdeck.spring.web;

import com.crossdeck.spring.identity.CrossdeckSignOutEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Expires the web SDK's anonymous-id and customer-id cookies on the response to a sign-out, so the
 * next person at that browser does not start out as the previous user.
 *
 * <p>The web SDK writes its cookies with {@code Path=/}, either host-only or for the registrable
 * domain (the broadest parent domain the browser accepts). A request says neither which one nor,
 * short of a public-suffix list, which parent domain is registrable, so every variant is expired
 * ({@link WebSdkCookies#expired}): host-only, and one per parent domain of the request's host (at
 * most eight, the broadest). A browser ignores the variants it would not have accepted, such as a
 * public suffix. Hosts that are IP addresses or single names ({@code localhost}) get the host-only
 * variant alone.
 *
 * <p>This is the server's half. The web SDK also keeps both ids in the page's local storage and
 * writes the cookies back from there, so the page must call {@code Crossdeck.reset()} when the user
 * signs out. Thread-safe.
 */
public final class WebSdkCookieExpiry implements ApplicationListener<CrossdeckSignOutEvent> {

  private static final Log logger = LogFactory.getLog(WebSdkCookieExpiry.class);

  private final WebSdkCookies cookies;
  private final AtomicBoolean missingResponseLogged = new AtomicBoolean();

  /**
   * Creates the expiry.
   *
   * @param anonymousIdCookie the anonymous-id cookie as configured ({@code crossdeck:anon_id})
   * @param customerIdCookie the customer-id cookie as configured ({@code crossdeck:cdcust_id})
   */
  public WebSdkCookieExpiry(String anonymousIdCookie, String customerIdCookie) {
    this.cookies = new WebSdkCookies(anonymousIdCookie, customerIdCookie);
  }

  /** Expires the cookies on the response to the request being handled, when there is one. */
  @Override
  public void onApplicationEvent(CrossdeckSignOutEvent event) {
    if (!(RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes request)) {
      return; // signed out outside a servlet request: there is no response to write to
    }
    HttpServletResponse response = request.getResponse();
    if (response == null || response.isCommitted()) {
      if (missingResponseLogged.compareAndSet(false, true)) {
        logger.warn(
            "Crossdeck could not expire the web SDK's cookies at sign-out: the response is "
                + (response == null ? "not available to the sign-out listener" : "committed")
                + ". Call Crossdeck.reset() in the page when the user signs out.");
      }
      return;
    }
    expire(request.getRequest(), response);
  }

  /** Adds the headers that expire every variant of the web SDK's cookies to {@code response}. */
  public void expire(HttpServletRequest request, HttpServletResponse response) {
    for (ResponseCookie cookie : cookies.expired(request.getServerName(), request.isSecure())) {
      response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
  }
}
