package com.crossdeck.client;

import java.time.Instant;
import java.util.List;

/**
 * A customer's entitlements, active and inactive, as Crossdeck answered them (extended contract
 * §2.2). Immutable.
 *
 * @param crossdeckCustomerId the customer's canonical id ({@code cdcust_…})
 * @param entitlements every entitlement, including inactive and expired ones
 * @param environment {@code production} or {@code sandbox}
 */
public record CustomerEntitlements(
    String crossdeckCustomerId, List<Entitlement> entitlements, String environment) {

  /** Freezes the list. */
  public CustomerEntitlements {
    entitlements = List.copyOf(entitlements);
  }

  /** Whether {@code key} grants access at {@code now}; see {@link Entitlement#grantsAccessAt}. */
  public boolean grantsAccess(String key, Instant now) {
    for (Entitlement entitlement : entitlements) {
      if (entitlement.key().equals(key) && entitlement.grantsAccessAt(now)) {
        return true;
      }
    }
    return false;
  }
}
