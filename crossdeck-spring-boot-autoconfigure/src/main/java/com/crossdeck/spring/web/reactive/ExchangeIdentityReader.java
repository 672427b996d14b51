package com.crossdeck.spring.web.reactive;

import com.crossdeck.spring.identity.RequestIdentity;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.web.WebSdkCookies;
import java.util.List;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the {@link RequestIdentity} a WebFlux request presented, with the same rules as the servlet
 * filter: the anonymous-id header, every value of the web SDK's anonymous-id and customer-id
 * cookies (both spellings of each name, values URL-decoded), decided by the {@link
 * RequestIdentityReader}. Parsed once per exchange and kept in an exchange attribute, so the
 * identity filter and the sign-in and sign-out handlers see the same value. Thread-safe.
 */
public final class ExchangeIdentityReader {

  /** The exchange attribute holding the exchange's {@link RequestIdentity}. */
  public static final String IDENTITY_ATTRIBUTE =
      ExchangeIdentityReader.class.getName() + ".identity";

  private final String anonymousIdHeader;
  private final WebSdkCookies cookies;
  private final RequestIdentityReader reader;

  /**
   * Creates the reader.
   *
   * @param anonymousIdHeader the header carrying the anonymous id
   * @param anonymousIdCookie the cookie carrying the anonymous id, as configured
   * @param customerIdCookie the cookie carrying the customer id, as configured
   * @param reader decides the identity from the values read
   */
  public ExchangeIdentityReader(
      String anonymousIdHeader,
      String anonymousIdCookie,
      String customerIdCookie,
      RequestIdentityReader reader) {
    this.anonymousIdHeader = anonymousIdHeader;
    this.cookies = new WebSdkCookies(anonymousIdCookie, customerIdCookie);
    this.reader = reader;
  }

  /** The identity {@code exchange}'s request presented. */
  public RequestIdentity read(ServerWebExchange exchange) {
    if (exchange.getAttribute(IDENTITY_ATTRIBUTE) instanceof RequestIdentity parsed) {
      return parsed;
    }
    ServerHttpRequest request = exchange.getRequest();
    WebSdkCookies.Presented presented = cookies.presented();
    // Cookies grouped by name, names in the order the request first listed them.
    for (List<HttpCookie> named : request.getCookies().values()) {
      for (HttpCookie cookie : named) {
        presented.cookie(cookie.getName(), cookie.getValue());
      }
    }
    RequestIdentity identity =
        reader.read(
            request.getHeaders().getFirst(anonymousIdHeader),
            presented.anonymousIds(),
            presented.customerIds());
    exchange.getAttributes().put(IDENTITY_ATTRIBUTE, identity);
    return identity;
  }

  /** The {@code Set-Cookie} values that expire the web SDK's cookies in this exchange's browser. */
  List<ResponseCookie> expiredCookies(ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    boolean secure = request.getSslInfo() != null || "https".equals(request.getURI().getScheme());
    return cookies.expired(request.getURI().getHost(), secure);
  }
}
