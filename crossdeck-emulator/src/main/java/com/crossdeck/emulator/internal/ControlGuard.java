package com.crossdeck.emulator.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Keeps the controls ({@code /_emulator/*}) out of reach of web pages. Any page a developer visits
 * can send a "simple" cross-site request (a text/plain POST, no preflight) to 127.0.0.1, and a
 * DNS-rebinding page can even look same-origin, so a control request must:
 *
 * <ul>
 *   <li>carry no {@code Origin} other than the emulator's own ({@code http://127.0.0.1:<port>},
 *       {@code http://localhost:<port>}, {@code http://[::1]:<port>});
 *   <li>not be marked by the browser as cross-site ({@code Sec-Fetch-Site} is absent, {@code
 *       same-origin} or {@code none});
 *   <li>be addressed to the emulator by a loopback name ({@code Host});
 *   <li>when it is a POST, be {@code Content-Type: application/json}, which no page can send
 *       cross-origin without a preflight; preflights are only ever granted to {@code /v1} routes
 *       ({@link CorsPolicy}).
 * </ul>
 *
 * Failures are 403 {@code cross_origin_forbidden} and 415 {@code unsupported_content_type}.
 */
final class ControlGuard {

  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");
  private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

  private final IntSupplier port;

  ControlGuard(IntSupplier port) {
    this.port = port;
  }

  void check(HttpCall call) {
    boolean crossSite =
        call.header("Sec-Fetch-Site")
            .map(site -> !SAME_SITE_FETCHES.contains(site.toLowerCase(Locale.ROOT)))
            .orElse(false);
    boolean foreignOrigin = call.header("Origin").map(origin -> !isOwnOrigin(origin)).orElse(false);
    boolean foreignHost = call.header("Host").map(host -> !isOwnAuthority(host)).orElse(false);
    if (crossSite || foreignOrigin || foreignHost) {
      throw new ApiException(
          ApiError.of(
              403,
              "cross_origin_forbidden",
              "The emulator's controls accept requests from this machine's tools and the"
                  + " emulator's own pages only."));
    }
    if (call.method().equals("POST") && !isJson(call.header("Content-Type"))) {
      throw new ApiException(
          ApiError.of(
              415,
              "unsupported_content_type",
              "The emulator's controls take Content-Type: application/json."));
    }
  }

  private boolean isOwnOrigin(String origin) {
    String scheme = "http://";
    return origin.regionMatches(true, 0, scheme, 0, scheme.length())
        && isOwnAuthority(origin.substring(scheme.length()));
  }

  private boolean isOwnAuthority(String authority) {
    int colon = authority.lastIndexOf(':');
    if (colon < 0 || authority.endsWith("]")) {
      return false;
    }
    String name = authority.substring(0, colon).toLowerCase(Locale.ROOT);
    return LOOPBACK_NAMES.contains(name)
        && authority.substring(colon + 1).equals(String.valueOf(port.getAsInt()));
  }

  static boolean isJson(Optional<String> contentType) {
    return contentType
        .map(value -> value.split(";", 2)[0].strip().equalsIgnoreCase("application/json"))
        .orElse(false);
  }
}
