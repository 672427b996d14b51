package com.crossdeck.client;

import java.util.List;

/**
 * Told when a customer's cached entitlements are replaced: after every successful read from
 * Crossdeck (even when nothing changed, as in the reference SDK), after a store recovery, and after
 * a grant or revocation through this client updated the cache. Called on the thread that caused it;
 * whatever it throws is caught and counted ({@link EntitlementCacheStats#listenerErrors()}).
 */
@FunctionalInterface
public interface EntitlementsListener {

  /**
   * The cache now holds {@code entitlements} for {@code customerId}.
   *
   * @param customerId the customer's canonical id
   * @param entitlements every cached entitlement of the customer; unmodifiable
   */
  void onEntitlementsChanged(String customerId, List<Entitlement> entitlements);
}
