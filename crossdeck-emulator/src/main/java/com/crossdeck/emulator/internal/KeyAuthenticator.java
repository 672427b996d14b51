package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.Environment;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer-key authentication of the API routes (contract §a.9 codes):
 *
 * <ul>
 *   <li>no or blank {@code Authorization} → 401 {@code missing_api_key};
 *   <li>revoked key → 401 {@code key_revoked};
 *   <li>not {@code cd_sk_test_}/{@code cd_sk_live_}/{@code cd_pub_test_}/{@code cd_pub_live_}
 *       followed by something, or not on a configured allow-list → 401 {@code invalid_api_key};
 *   <li>a publishable key on a server route ({@code /v1/server/…}) → 401 {@code invalid_api_key};
 *   <li>a publishable key from an origin that is not allowed → 403 {@code origin_not_allowed}.
 * </ul>
 *
 * <p>The origin rule for publishable keys: when the request has an {@code Origin}, it must be one
 * of the {@link AllowedOrigins}. Without one it must be a GET the browser marked {@code
 * Sec-Fetch-Site: same-origin}, because browsers leave {@code Origin} out of same-origin GETs (the
 * web SDK's heartbeat and entitlement reads behind a same-origin proxy) but always send it with a
 * POST. Secret keys need no {@code Origin}.
 *
 * <p>The environment comes from the key: {@code _test_} → sandbox, {@code _live_} → production.
 */
final class KeyAuthenticator {

  private static final Logger log = LoggerFactory.getLogger(KeyAuthenticator.class);
  private static final String BEARER = "Bearer ";
  private static final String PUBLISHABLE_PREFIX = "cd_pub_";

  private final Set<String> allowedKeys;
  private final Set<String> revokedKeys;
  private final AllowedOrigins allowedOrigins;

  KeyAuthenticator(Set<String> allowedKeys, Set<String> revokedKeys, AllowedOrigins origins) {
    this.allowedKeys = allowedKeys;
    this.revokedKeys = revokedKeys;
    this.allowedOrigins = origins;
  }

  /** Authenticates an SDK route, which secret and publishable keys may both call. */
  Principal authenticate(HttpCall call) {
    String key = bearerKey(call);
    String masked = KeyMask.mask(key);
    if (revokedKeys.contains(key)) {
      throw rejectKey(401, "key_revoked", "The API key " + masked + " has been revoked.", masked);
    }
    String prefix = KeyMask.PREFIXES.stream().filter(key::startsWith).findFirst().orElse(null);
    if (prefix == null
        || key.length() == prefix.length()
        || (!allowedKeys.isEmpty() && !allowedKeys.contains(key))) {
      throw rejectKey(401, "invalid_api_key", "Invalid API key " + masked + ".", masked);
    }
    boolean publishable = prefix.startsWith(PUBLISHABLE_PREFIX);
    if (publishable && !originAllowed(call)) {
      throw rejectKey(
          403,
          "origin_not_allowed",
          "Publishable keys are accepted only from allowed origins; start the emulator with"
              + " --allow-origin <origin> (or allowedOrigins(…)).",
          masked);
    }
    Environment environment =
        prefix.contains("_live_") ? Environment.PRODUCTION : Environment.SANDBOX;
    return new Principal(Scope.of(environment), masked, publishable);
  }

  /** Authenticates a server route ({@code /v1/server/…}): secret keys only. */
  Principal authenticateServer(HttpCall call) {
    Principal principal = authenticate(call);
    if (principal.publishable()) {
      throw rejectKey(
          401,
          "invalid_api_key",
          "Publishable keys cannot call server routes; use a secret key (cd_sk_…).",
          principal.maskedKey());
    }
    return principal;
  }

  private static String bearerKey(HttpCall call) {
    String authorization = call.header("Authorization").orElse("").trim();
    if (authorization.isEmpty() || authorization.equalsIgnoreCase(BEARER.trim())) {
      throw reject(
          401, "missing_api_key", "No API key provided. Send Authorization: Bearer <key>.");
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw reject(401, "invalid_api_key", "Authorization must use the Bearer scheme.");
    }
    return authorization.substring(BEARER.length()).trim();
  }

  private boolean originAllowed(HttpCall call) {
    return call.header("Origin")
        .map(allowedOrigins::allows)
        .orElseGet(
            () ->
                call.method().equals("GET")
                    && call.header("Sec-Fetch-Site").filter("same-origin"::equals).isPresent());
  }

  private static ApiException rejectKey(int status, String code, String message, String masked) {
    log.debug("Rejected key {}: {}", masked, code);
    return reject(status, code, message);
  }

  private static ApiException reject(int status, String code, String message) {
    return new ApiException(ApiError.of(status, code, message));
  }
}
