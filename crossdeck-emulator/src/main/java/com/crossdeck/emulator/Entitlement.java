package com.crossdeck.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One entitlement of a customer, as the emulator holds it. On the wire it is the contract's {@code
 * PublicEntitlement}, with {@code validUntil} and {@code updatedAt} in epoch <em>seconds</em> (the
 * unit the Node and web SDKs compare {@code validUntil} with).
 *
 * @param key the entitlement key, e.g. {@code pro}
 * @param active whether it is granted ({@code isActive}); a revoked entitlement stays listed,
 *     inactive
 * @param validUntil when it expires, or {@code null} for no expiry ({@code lifetime} grants)
 * @param updatedAt when it last changed, to the second
 * @param rail where it comes from; the emulator's grants are {@code manual}
 * @param productId {@code source.productId}
 * @param subscriptionId {@code source.subscriptionId}
 */
public record Entitlement(
    String key,
    boolean active,
    Instant validUntil,
    Instant updatedAt,
    String rail,
    String productId,
    String subscriptionId) {

  /** Validates that every component except {@code validUntil} is present. */
  public Entitlement {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(rail, "rail");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
  }

  /**
   * Whether it grants access at {@code now}: active and not expired, the rule the SDKs' {@code
   * isEntitled} applies.
   */
  public boolean grantsAccessAt(Instant now) {
    return active && (validUntil == null || validUntil.isAfter(now));
  }
}
