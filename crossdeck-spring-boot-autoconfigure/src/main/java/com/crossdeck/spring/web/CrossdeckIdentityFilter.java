package com.crossdeck.spring.web;

import com.crossdeck.spring.identity.RequestIdentity;
import com.crossdeck.spring.identity.RequestIdentityReader;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds each request's {@link RequestIdentity} to the request thread: the web SDK's anonymous id
 * from the {@code X-Anon-Id} header or its cookie, and the Crossdeck customer id from its cookie.
 * This filter only collects the values, every cookie of each name included; the {@link
 * RequestIdentityReader} validates them and decides which one counts.
 *
 * <p>It reads no authentication: the user id is resolved lazily when an event is tracked, so this
 * filter can run before Spring Security and the login request itself carries the anonymous id.
 *
 * <p>The identity is parsed once per request and kept in a request attribute, so async dispatches
 * ({@code Callable}, {@code DeferredResult}) and error dispatches, which run on other threads or
 * after the first pass returned, are bound again to the same immutable value. The thread binding is
 * always undone when the chain returns.
 */
public final class CrossdeckIdentityFilter extends OncePerRequestFilter {

  /** The request attribute holding the request's {@link RequestIdentity}. */
  public static final String IDENTITY_ATTRIBUTE =
      CrossdeckIdentityFilter.class.getName() + ".identity";

  private final String anonymousIdHeader;
  private final WebSdkCookies cookies;
  private final RequestIdentityReader reader;

  /**
   * Creates the filter.
   *
   * @param anonymousIdHeader the header carrying the anonymous id
   * @param anonymousIdCookie the cookie carrying the anonymous id, matched as configured and
   *     URL-encoded: the web SDK's {@code crossdeck:anon_id} arrives as {@code
   *     crossdeck%3Aanon_id}, since a colon is not allowed in a cookie name
   * @param customerIdCookie the cookie carrying the customer id, matched the same way
   * @param reader decides the identity from the values read
   */
  public CrossdeckIdentityFilter(
      String anonymousIdHeader,
      String anonymousIdCookie,
      String customerIdCookie,
      RequestIdentityReader reader) {
    this.anonymousIdHeader = anonymousIdHeader;
    this.cookies = new WebSdkCookies(anonymousIdCookie, customerIdCookie);
    this.reader = reader;
  }

  @Override
  @SuppressWarnings("try") // the scope is held only to be closed
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try (RequestIdentity.Scope scope = identityOf(request).bind()) {
      chain.doFilter(request, response);
    }
  }

  /** Async dispatches resume the request on another thread: bind its identity there too. */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  /** Error pages run after the first pass returned: bind the identity again for them. */
  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  private RequestIdentity identityOf(HttpServletRequest request) {
    if (request.getAttribute(IDENTITY_ATTRIBUTE) instanceof RequestIdentity parsed) {
      return parsed;
    }
    RequestIdentity identity = read(request);
    request.setAttribute(IDENTITY_ATTRIBUTE, identity);
    return identity;
  }

  private RequestIdentity read(HttpServletRequest request) {
    WebSdkCookies.Presented presented = cookies.presented();
    Cookie[] sent = request.getCookies();
    if (sent != null) {
      for (Cookie cookie : sent) {
        presented.cookie(cookie.getName(), cookie.getValue());
      }
    }
    return reader.read(
        request.getHeader(anonymousIdHeader), presented.anonymousIds(), presented.customerIds());
  }
}
