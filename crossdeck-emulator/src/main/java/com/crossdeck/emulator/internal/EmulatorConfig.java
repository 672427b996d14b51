package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.internal.http.HttpLimits;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Everything {@code CrossdeckEmulator.Builder} collected, validated.
 *
 * @param port the port to bind on 127.0.0.1; 0 picks a free one
 * @param rateLimit the per-project token bucket
 * @param allowedKeys when non-empty, the only keys accepted
 * @param revokedKeys keys rejected with {@code key_revoked}
 * @param allowedOrigins the web origins served CORS headers and allowed to use publishable keys
 * @param clock the time source for timestamps, idempotency expiry and the rate limit
 * @param httpLimits what the transport allows a client (threads, deadlines, sizes)
 */
public record EmulatorConfig(
    int port,
    RateLimit rateLimit,
    Set<String> allowedKeys,
    Set<String> revokedKeys,
    AllowedOrigins allowedOrigins,
    Clock clock,
    HttpLimits httpLimits) {

  /** Makes the key sets immutable copies. */
  public EmulatorConfig {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(httpLimits, "httpLimits");
    allowedKeys = Set.copyOf(allowedKeys);
    revokedKeys = Set.copyOf(revokedKeys);
    Objects.requireNonNull(allowedOrigins, "allowedOrigins");
  }
}
