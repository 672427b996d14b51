package com.crossdeck.spring.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;

/**
 * The web SDK's two identity cookies as every web stack reads and expires them: their names in both
 * spellings, their URL-encoded values, and the variants to expire at sign-out. Knows no servlet or
 * reactive type, so the servlet filter and the WebFlux filter follow one set of rules.
 *
 * <p>A colon cannot appear in a cookie name, so the web SDK writes its storage key URL-encoded
 * ({@code crossdeck:anon_id} becomes {@code crossdeck%3Aanon_id}) and URL-encodes the value too.
 * Both spellings of a name are read. Immutable.
 */
public final class WebSdkCookies {

  /** Parent domains expired at most; a registrable domain is rarely more than three labels. */
  static final int MAX_DOMAINS = 8;

  private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");
  private static final Pattern IPV4 = Pattern.compile("[0-9]+(\\.[0-9]+){3}");

  private final Set<String> anonymousIdNames;
  private final Set<String> customerIdNames;
  private final List<String> namesAsWritten;

  /**
   * Creates the cookie rules.
   *
   * @param anonymousIdCookie the anonymous-id cookie as configured ({@code crossdeck:anon_id})
   * @param customerIdCookie the customer-id cookie as configured ({@code crossdeck:cdcust_id})
   */
  public WebSdkCookies(String anonymousIdCookie, String customerIdCookie) {
    this.anonymousIdNames = asRead(anonymousIdCookie);
    this.customerIdNames = asRead(customerIdCookie);
    this.namesAsWritten = List.of(asWritten(anonymousIdCookie), asWritten(customerIdCookie));
  }

  /** Whether a cookie of this name carries the anonymous id, in either spelling. */
  public boolean isAnonymousId(String cookieName) {
    return anonymousIdNames.contains(cookieName);
  }

  /** Whether a cookie of this name carries the customer id, in either spelling. */
  public boolean isCustomerId(String cookieName) {
    return customerIdNames.contains(cookieName);
  }

  /** A new, empty collection of the identity cookies of one request. */
  public Presented presented() {
    return new Presented();
  }

  /** A cookie's value as the web SDK meant it; a value that does not URL-decode is left as is. */
  static @Nullable String value(@Nullable String raw) {
    if (raw == null || raw.indexOf('%') < 0) {
      return raw;
    }
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /**
   * The {@code Set-Cookie} values that expire both cookies in a browser that sent a request to
   * {@code host}: host-only, and once per parent domain of the host (see {@link
   * WebSdkCookieExpiry}).
   *
   * @param host the host the request was sent to, or {@code null} when unknown
   * @param secure whether the request came over HTTPS
   */
  public List<ResponseCookie> expired(@Nullable String host, boolean secure) {
    List<String> domains = parentDomains(host);
    List<ResponseCookie> cookies = new ArrayList<>(namesAsWritten.size() * (domains.size() + 1));
    for (String name : namesAsWritten) {
      cookies.add(expired(name, null, secure));
      for (String domain : domains) {
        cookies.add(expired(name, domain, secure));
      }
    }
    return cookies;
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

  private static ResponseCookie expired(String name, @Nullable String domain, boolean secure) {
    return ResponseCookie.from(name, "")
        .path("/")
        .domain(domain)
        .maxAge(0)
        .sameSite("Lax")
        .secure(secure)
        .build();
  }

  private static String asWritten(String configured) {
    return URLEncoder.encode(configured, StandardCharsets.UTF_8);
  }

  private static Set<String> asRead(String configured) {
    return Set.copyOf(List.of(configured, asWritten(configured)));
  }

  /**
   * The values of the identity cookies one request carried, decoded, in the order it listed them:
   * what a {@link com.crossdeck.spring.identity.RequestIdentityReader} decides from. Collects on
   * one thread.
   */
  public final class Presented {

    private final List<String> anonymousIds = new ArrayList<>(1);
    private final List<String> customerIds = new ArrayList<>(1);

    private Presented() {}

    /** Keeps the value of a cookie the request carried if it is one of the identity cookies. */
    public void cookie(String name, @Nullable String rawValue) {
      List<String> values =
          isAnonymousId(name) ? anonymousIds : isCustomerId(name) ? customerIds : null;
      String decoded = values == null ? null : value(rawValue);
      if (decoded != null) {
        values.add(decoded);
      }
    }

    /** The anonymous-id cookies' values. */
    public List<String> anonymousIds() {
      return anonymousIds;
    }

    /** The customer-id cookies' values. */
    public List<String> customerIds() {
      return customerIds;
    }
  }
}
