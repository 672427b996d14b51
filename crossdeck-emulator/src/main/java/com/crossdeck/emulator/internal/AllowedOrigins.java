package com.crossdeck.emulator.internal;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The web origins the emulator serves browsers on: they get CORS headers on {@code /v1} routes, and
 * publishable ({@code cd_pub_…}) keys are accepted from them. An origin is {@code
 * scheme://host[:port]}, compared the way browsers serialize it (lower case, no trailing slash).
 */
public final class AllowedOrigins {

  private final Set<String> origins;

  private AllowedOrigins(Set<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  /**
   * Validates and normalizes {@code origins}.
   *
   * @throws IllegalArgumentException naming the first value that is not {@code
   *     http(s)://host[:port]}
   */
  public static AllowedOrigins of(Collection<String> origins) {
    Set<String> normalized = new LinkedHashSet<>();
    for (String origin : origins) {
      normalized.add(normalize(origin));
    }
    return new AllowedOrigins(normalized);
  }

  /** Whether a request's {@code Origin} header value is allowed. */
  boolean allows(String origin) {
    return origins.contains(origin.toLowerCase(Locale.ROOT));
  }

  /** The allowed origins, normalized. */
  public Set<String> values() {
    return origins;
  }

  /** {@code HTTPS://App.Example.com:8443/} → {@code https://app.example.com:8443}. */
  public static String normalize(String origin) {
    String trimmed = origin == null ? "" : origin.strip();
    String withoutSlash =
        trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    URI uri;
    try {
      uri = URI.create(withoutSlash);
    } catch (IllegalArgumentException e) {
      throw invalid(origin);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean onlyOrigin =
        uri.getHost() != null
            && uri.getRawPath() != null
            && uri.getRawPath().isEmpty()
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null
            && uri.getRawUserInfo() == null;
    if (!(scheme.equals("http") || scheme.equals("https")) || !onlyOrigin) {
      throw invalid(origin);
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  private static IllegalArgumentException invalid(String origin) {
    return new IllegalArgumentException(
        "An allowed origin is scheme://host[:port] such as http://localhost:8080, was '"
            + origin
            + "'");
  }
}
