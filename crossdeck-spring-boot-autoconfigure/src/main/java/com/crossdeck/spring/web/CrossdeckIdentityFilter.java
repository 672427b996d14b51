package com.crossdeck.spring.web;

import com.crossdeck.spring.identity.IdentityInputValidator;
import com.crossdeck.spring.identity.RequestIdentity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds each request's {@link RequestIdentity} to the request thread: the web SDK's anonymous id
 * from the {@code X-Anon-Id} header or, when the header is absent or invalid, from its cookie; and
 * the Crossdeck customer id from its cookie. Every value is validated by {@link
 * IdentityInputValidator} first; an invalid one is ignored.
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
  private final Set<String> anonymousIdCookies;
  private final Set<String> customerIdCookies;
  private final IdentityInputValidator validator;

  /**
   * Creates the filter.
   *
   * @param anonymousIdHeader the header carrying the anonymous id
   * @param anonymousIdCookie the cookie carrying the anonymous id, matched as configured and
   *     URL-encoded: the web SDK's {@code crossdeck:anon_id} arrives as {@code
   *     crossdeck%3Aanon_id}, since a colon is not allowed in a cookie name
   * @param customerIdCookie the cookie carrying the customer id, matched the same way
   * @param validator checks every value read
   */
  public CrossdeckIdentityFilter(
      String anonymousIdHeader,
      String anonymousIdCookie,
      String customerIdCookie,
      IdentityInputValidator validator) {
    this.anonymousIdHeader = anonymousIdHeader;
    this.anonymousIdCookies = spellings(anonymousIdCookie);
    this.customerIdCookies = spellings(customerIdCookie);
    this.validator = validator;
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
    String anonymousId =
        validator.accept(request.getHeader(anonymousIdHeader), "header " + anonymousIdHeader);
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return anonymousId == null ? RequestIdentity.NONE : new RequestIdentity(anonymousId, null);
    }
    if (anonymousId == null) {
      anonymousId = cookie(cookies, anonymousIdCookies, "anonymous id cookie");
    }
    String customerId = cookie(cookies, customerIdCookies, "customer id cookie");
    return new RequestIdentity(anonymousId, customerId);
  }

  private @Nullable String cookie(Cookie[] cookies, Set<String> names, String source) {
    for (Cookie cookie : cookies) {
      if (names.contains(cookie.getName())) {
        String value = validator.accept(decode(cookie.getValue()), source);
        if (value != null) {
          return value;
        }
      }
    }
    return null;
  }

  /** The web SDK URL-encodes cookie values; a value that does not decode is left as is. */
  private static @Nullable String decode(@Nullable String value) {
    if (value == null || value.indexOf('%') < 0) {
      return value;
    }
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  /** The configured name and its URL-encoded form, the one the web SDK writes. */
  private static Set<String> spellings(String cookieName) {
    return Stream.of(cookieName, URLEncoder.encode(cookieName, StandardCharsets.UTF_8))
        .collect(Collectors.toUnmodifiableSet());
  }
}
