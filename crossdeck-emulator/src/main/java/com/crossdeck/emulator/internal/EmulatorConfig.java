package com.crossdeck.emulator.internal;

import java.time.Clock;
import java.util.Set;

/**
 * Everything {@code CrossdeckEmulator.Builder} collected, validated.
 *
 * @param port the port to bind on 127.0.0.1; 0 picks a free one
 * @param rateLimit the per-project token bucket
 * @param allowedKeys when non-empty, the only keys accepted
 * @param revokedKeys keys rejected with {@code key_revoked}
 * @param allowedOrigins {@code Origin} values that publishable ({@code cd_pub_…}) keys may use
 * @param clock the time source for timestamps, idempotency expiry and the rate limit
 */
public record EmulatorConfig(
    int port,
    RateLimit rateLimit,
    Set<String> allowedKeys,
    Set<String> revokedKeys,
    Set<String> allowedOrigins,
    Clock clock) {

  /** Makes the key and origin sets immutable copies. */
  public EmulatorConfig {
    allowedKeys = Set.copyOf(allowedKeys);
    revokedKeys = Set.copyOf(revokedKeys);
    allowedOrigins = Set.copyOf(allowedOrigins);
  }
}
