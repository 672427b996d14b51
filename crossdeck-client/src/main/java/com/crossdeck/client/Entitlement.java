package com.crossdeck.client;

import java.time.Instant;
import java.util.Objects;

/**
 * One entitlement of a customer, as Crossdeck reports it (extended contract §2.1). Immutable.
 *
 * @param key the entitlement key, for example {@code pro}
 * @param active whether Crossdeck reports it active; only an active entitlement grants access
 * @param validUntil when it expires, or {@code null} for never
 * @param source where it comes from
 * @param updatedAt when it last changed, or {@code null} when not reported
 */
public record Entitlement(
    String key, boolean active, Instant validUntil, Source source, Instant updatedAt) {

  /** Requires a key. */
  public Entitlement {
    Objects.requireNonNull(key, "key");
  }

  /**
   * Whether it grants access at {@code now}: active, and not expired ({@code validUntil} absent or
   * after {@code now}), the reference SDK's rule.
   */
  public boolean grantsAccessAt(Instant now) {
    return active && (validUntil == null || validUntil.isAfter(now));
  }

  /**
   * Where an entitlement comes from.
   *
   * @param rail {@code apple}, {@code stripe}, {@code google} or {@code manual}
   * @param productId the product, {@code manual} for a manual grant
   * @param subscriptionId the subscription, {@code manual:server_api} for a manual grant
   */
  public record Source(String rail, String productId, String subscriptionId) {}
}
