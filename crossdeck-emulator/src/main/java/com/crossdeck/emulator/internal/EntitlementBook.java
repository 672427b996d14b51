package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.Entitlement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's entitlements by key, and what a manual grant or revoke does to them. A grant makes
 * the key active until the end of its duration (replacing any earlier state); a revoke makes an
 * active key inactive, keeping it listed; revoking a key that is not active changes nothing.
 * Confined to the indexer thread.
 */
final class EntitlementBook {

  static final String MANUAL = "manual";
  static final String MANUAL_SUBSCRIPTION = "manual:server_api";

  /** What a grant or revoke did: the state before and after, and whether anything changed. */
  record Change(Entitlement entitlement, String fromState, String toState, boolean applied) {}

  private final Map<String, Entitlement> byKey = new LinkedHashMap<>();

  Change grant(String key, GrantDuration duration, Instant now) {
    String from = state(byKey.get(key), now);
    Entitlement granted = manual(key, true, duration.endFrom(now).orElse(null), now);
    byKey.put(key, granted);
    return new Change(granted, from, "active", true);
  }

  Change revoke(String key, Instant now) {
    Entitlement existing = byKey.get(key);
    String from = state(existing, now);
    if (!from.equals("active")) {
      Entitlement unchanged = existing != null ? existing : manual(key, false, null, now);
      return new Change(unchanged, from, from, false);
    }
    Entitlement revoked =
        new Entitlement(
            key,
            false,
            existing.validUntil(),
            now.truncatedTo(ChronoUnit.SECONDS),
            existing.rail(),
            existing.productId(),
            existing.subscriptionId());
    byKey.put(key, revoked);
    return new Change(revoked, from, "inactive", true);
  }

  /** Every entitlement, active and inactive, in the order the keys were first granted. */
  List<Entitlement> all() {
    return List.copyOf(byKey.values());
  }

  /** Takes over {@code other}'s entitlements; for a key both have, the later change wins. */
  void absorb(EntitlementBook other) {
    other.byKey.forEach(
        (key, theirs) ->
            byKey.merge(
                key, theirs, (ours, t) -> t.updatedAt().isAfter(ours.updatedAt()) ? t : ours));
  }

  private static String state(Entitlement entitlement, Instant now) {
    if (entitlement == null) {
      return "none";
    }
    return entitlement.grantsAccessAt(now) ? "active" : "inactive";
  }

  private static Entitlement manual(String key, boolean active, Instant validUntil, Instant now) {
    return new Entitlement(
        key,
        active,
        validUntil,
        now.truncatedTo(ChronoUnit.SECONDS),
        MANUAL,
        MANUAL,
        MANUAL_SUBSCRIPTION);
  }
}
