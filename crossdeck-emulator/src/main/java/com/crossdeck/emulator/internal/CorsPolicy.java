package com.crossdeck.emulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CORS for the API routes ({@code /v1/…}), so the web SDK can call the emulator from a page on an
 * {@link AllowedOrigins allowed origin}: preflights are answered 204 with the methods and headers
 * the SDKs send, and responses to an allowed {@code Origin} carry {@code
 * Access-Control-Allow-Origin}. Nothing else is shared cross-origin: other paths (pages, controls)
 * and other origins get no CORS headers, and their preflights are refused with 403 {@code
 * cors_origin_not_allowed}. No credentials (cookies) are ever allowed: the SDKs authenticate with a
 * key.
 */
final class CorsPolicy {

  static final String ALLOW_METHODS = "GET, POST";
  static final String ALLOW_HEADERS =
      "Authorization, Content-Type, Accept, Crossdeck-Sdk-Version, Crossdeck-Api-Version,"
          + " Idempotency-Key";
  static final String EXPOSE_HEADERS = "x-request-id, Retry-After, Idempotent-Replayed";
  static final String MAX_AGE_SECONDS = "600";

  private final AllowedOrigins origins;

  CorsPolicy(AllowedOrigins origins) {
    this.origins = origins;
  }

  /** The answer to an {@code OPTIONS} request. */
  ApiResponse preflight(HttpCall call) {
    String origin = call.header("Origin").orElse("");
    if (!isApi(call) || !origins.allows(origin)) {
      throw new ApiException(
          ApiError.of(
              403,
              "cors_origin_not_allowed",
              isApi(call)
                  ? "This origin is not allowed; start the emulator with --allow-origin <origin>."
                  : "Only the /v1 API routes accept cross-origin requests."));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Access-Control-Allow-Origin", AllowedOrigins.normalize(origin));
    headers.put("Access-Control-Allow-Methods", ALLOW_METHODS);
    headers.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
    headers.put("Access-Control-Max-Age", MAX_AGE_SECONDS);
    headers.put("Vary", "Origin");
    return new ApiResponse(204, "text/plain", new byte[0], headers);
  }

  /** {@code response} with the CORS headers its request earned, if any. */
  ApiResponse decorate(HttpCall call, ApiResponse response) {
    if (!isApi(call)) {
      return response;
    }
    ApiResponse varied = response.withHeader("Vary", "Origin");
    return call.header("Origin")
        .filter(origins::allows)
        .map(
            origin ->
                varied
                    .withHeader("Access-Control-Allow-Origin", AllowedOrigins.normalize(origin))
                    .withHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS))
        .orElse(varied);
  }

  private static boolean isApi(HttpCall call) {
    List<String> segments = call.segments();
    return !segments.isEmpty() && segments.get(0).equals("v1");
  }
}
