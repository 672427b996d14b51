package com.crossdeck.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a customer's entitlements as an {@link EntitlementStore} keeps it, the reference
 * SDK's {@code {v: 1, crossdeckCustomerId, entitlements, env, savedAt}} (extended contract §2.6).
 * Serialize it however the store likes; a snapshot that fails the checks below is never built, so a
 * corrupt one reads as a miss. Immutable.
 *
 * @param version the snapshot format, {@value #VERSION}
 * @param crossdeckCustomerId the customer's canonical id, not blank
 * @param entitlements the entitlements as Crossdeck answered them
 * @param environment {@code production} or {@code sandbox}
 * @param savedAt when it was saved
 */
public record StoredEntitlements(
    int version,
    String crossdeckCustomerId,
    List<Entitlement> entitlements,
    String environment,
    Instant savedAt) {

  /** The only snapshot format. */
  public static final int VERSION = 1;

  /**
   * Checks the snapshot as the reference SDK does before trusting it.
   *
   * @throws IllegalArgumentException when the version is not {@value #VERSION}, the customer id is
   *     blank, the environment is neither {@code production} nor {@code sandbox}, or a field is
   *     missing
   */
  public StoredEntitlements {
    if (version != VERSION) {
      throw new IllegalArgumentException("version must be " + VERSION + ", got " + version);
    }
    if (crossdeckCustomerId == null || crossdeckCustomerId.isBlank()) {
      throw new IllegalArgumentException("crossdeckCustomerId must not be blank");
    }
    if (!"production".equals(environment) && !"sandbox".equals(environment)) {
      throw new IllegalArgumentException(
          "environment must be production or sandbox, got " + environment);
    }
    entitlements = List.copyOf(Objects.requireNonNull(entitlements, "entitlements"));
    Objects.requireNonNull(savedAt, "savedAt");
  }
}
