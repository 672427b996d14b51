package com.crossdeck.spring.web;

import com.crossdeck.spring.identity.CrossdeckSignOutEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
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
 * short of a public-suffix list, which parent domain is registrable, so every variant is expired:
 * host-only, and one per parent domain of the request's host (at most {@value #MAX_DOMAINS}, the
 * broadest). A browser ignores the variants it would not have accepted, such as a public suffix.
 * Hosts that are IP addresses or single names ({@code localhost}) get the host-only variant alone.
 *
 * <p>This is the server's half. The web SDK also keeps both ids in the page's local storage and
 * writes the cookies back from there, so the page must call {@code Crossdeck.reset()} when the user
 * signs out. Thread-safe.
 */
public final class WebSdkCookieExpiry implements ApplicationListener<CrossdeckSignOutEvent> {

  /** Parent domains expired at most; a registrable domain is rarely more than three labels. */
  static final int MAX_DOMAINS = 8;

  private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");
  private static final Pattern IPV4 = Pattern.compile("[0-9]+(\\.[0-9]+){3}");

  private static final Log logger = LogFactory.getLog(WebSdkCookieExpiry.class);

  private final List<String> cookieNames;
  private final AtomicBoolean missingResponseLogged = new AtomicBoolean();

  /**
   * Creates the expiry.
   *
   * @param anonymousIdCookie the anonymous-id cookie as configured ({@code crossdeck:anon_id})
   * @param customerIdCookie the customer-id cookie as configured ({@code crossdeck:cdcust_id})
   */
  public WebSdkCookieExpiry(String anonymousIdCookie, String customerIdCookie) {
    this.cookieNames =
        List.of(
            WebSdkCookieNames.asWritten(anonymousIdCookie),
            WebSdkCookieNames.asWritten(customerIdCookie));
  }

  /** Expires the cookies on the response to the request being handled, when there is one. */
  @Override
  public void onApplicationEvent(CrossdeckSignOutEvent event) {
    if (!(RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes request)) {
      return; // signed out outside a web request: there is no browser to tell
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
    List<String> domains = parentDomains(request.getServerName());
    for (String name : cookieNames) {
      response.addHeader(HttpHeaders.SET_COOKIE, expired(name, null, request.isSecure()));
      for (String domain : domains) {
        response.addHeader(HttpHeaders.SET_COOKIE, expired(name, domain, request.isSecure()));
      }
    }
  }

  /**
   * The host and its parent domains, broadest last, for a host name made of two labels or more:
   * {@code app.shop.example} gives {@code app.shop.example}, {@code shop.example}. The host comes
   * from the request, so anything that is not a plain host name gives none.
   */
  static List<String> parentDomains(@Nullable String serverName) {
    String host = serverName == null ? "" : serverName.toLowerCase(Locale.ROOT);
    if (host.length() > 253 || !HOST_NAME.matcher(host).matches() || IPV4.matcher(host).matches()) {
      return List.of();
    }
    List<String> domains = new ArrayList<>();
    for (String domain = host; domain.indexOf('.') >= 0; ) {
      domains.add(domain);
      domain = domain.substring(domain.indexOf('.') + 1);
    }
    return domains.subList(Math.max(0, domains.size() - MAX_DOMAINS), domains.size());
  }

  private static String expired(String name, @Nullable String domain, boolean secure) {
    return ResponseCookie.from(name, "")
        .path("/")
        .domain(domain)
        .maxAge(0)
        .sameSite("Lax")
        .secure(secure)
        .build()
        .toString();
  }
}
