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
 *   <li>publishable key whose {@code Origin} is not allowed → 403 {@code origin_not_allowed}.
 * </ul>
 *
 * The environment comes from the key: {@code _test_} → sandbox, {@code _live_} → production.
 */
final class KeyAuthenticator {

  private static final Logger log = LoggerFactory.getLogger(KeyAuthenticator.class);
  private static final String BEARER = "Bearer ";

  private final Set<String> allowedKeys;
  private final Set<String> revokedKeys;
  private final Set<String> allowedOrigins;

  KeyAuthenticator(Set<String> allowedKeys, Set<String> revokedKeys, Set<String> allowedOrigins) {
    this.allowedKeys = allowedKeys;
    this.revokedKeys = revokedKeys;
    this.allowedOrigins = allowedOrigins;
  }

  Principal authenticate(HttpCall call) {
    String authorization = call.header("Authorization").orElse("").trim();
    if (authorization.isEmpty() || authorization.equalsIgnoreCase(BEARER.trim())) {
      throw reject(
          401, "missing_api_key", "No API key provided. Send Authorization: Bearer <key>.");
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw reject(401, "invalid_api_key", "Authorization must use the Bearer scheme.");
    }
    String key = authorization.substring(BEARER.length()).trim();
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
    if (prefix.startsWith("cd_pub_")) {
      String origin = call.header("Origin").orElse("");
      if (!allowedOrigins.contains(origin)) {
        throw rejectKey(
            403,
            "origin_not_allowed",
            "Publishable keys need an allowed Origin; got '" + origin + "'.",
            masked);
      }
    }
    Environment environment =
        prefix.contains("_live_") ? Environment.PRODUCTION : Environment.SANDBOX;
    return new Principal(Scope.of(environment), masked);
  }

  private static ApiException rejectKey(int status, String code, String message, String masked) {
    log.debug("Rejected key {}: {}", masked, code);
    return reject(status, code, message);
  }

  private static ApiException reject(int status, String code, String message) {
    return new ApiException(ApiError.of(status, code, message));
  }
}
