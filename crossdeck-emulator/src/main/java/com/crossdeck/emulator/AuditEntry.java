package com.crossdeck.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * An audit entry the emulator wrote for a manual entitlement change (a grant or a revoke), as
 * served by {@code GET /v1/server/audit/{eventId}}.
 *
 * @param eventId the entry's id ({@code aud_…})
 * @param eventType {@code entitlement.granted_manually} or {@code entitlement.revoked_manually}
 * @param customerId the customer whose entitlement changed
 * @param entitlementKey the entitlement that changed
 * @param fromState {@code active}, {@code inactive} or {@code none} (never granted) before
 * @param toState the state after
 * @param decision {@code applied}, or {@code no_op} when nothing changed (revoking what was not
 *     active)
 * @param reason the reason the request gave, or {@code null}
 * @param environment the environment of the key that made the change
 * @param processedAt when the emulator applied it
 */
public record AuditEntry(
    String eventId,
    String eventType,
    String customerId,
    String entitlementKey,
    String fromState,
    String toState,
    String decision,
    String reason,
    Environment environment,
    Instant processedAt) {

  /** Validates that every component except {@code reason} is present. */
  public AuditEntry {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(entitlementKey, "entitlementKey");
    Objects.requireNonNull(fromState, "fromState");
    Objects.requireNonNull(toState, "toState");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(processedAt, "processedAt");
  }
}
