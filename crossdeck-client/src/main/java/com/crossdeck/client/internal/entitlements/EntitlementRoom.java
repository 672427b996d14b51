package com.crossdeck.client.internal.entitlements;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.EntitlementCacheStats;
import com.crossdeck.client.EntitlementStore;
import com.crossdeck.client.EntitlementsListener;
import com.crossdeck.client.IdentityHints;
import com.crossdeck.client.Subscription;
import com.crossdeck.client.internal.http.ApiClient;
import com.crossdeck.client.internal.http.GetRetries;
import java.time.Duration;
import java.util.Set;

/**
 * The entitlement parts of one client, wired together: the cache, the store bridge, the calls,
 * reads and writes. Created on the first use of an entitlement method, so a client that never
 * checks an entitlement loads none of it. Thread-safe.
 */
public final class EntitlementRoom {

  /**
   * The cache's options.
   *
   * @param ttl how long an answer is used before {@code warm} asks again
   * @param staleAfter the age after which an answer counts as stale
   * @param maxCustomers the most customers (and aliases) cached
   * @param store the durable store, or {@code null}
   */
  public record Options(
      Duration ttl, Duration staleAfter, int maxCustomers, EntitlementStore store) {}

  private final EntitlementCache cache;
  private final SnapshotStore store;
  private final EntitlementReads reads;
  private final EntitlementWrites writes;

  /** Wires the parts over {@code api}. */
  public EntitlementRoom(ApiClient api, CrossdeckClock clock, Options options) {
    this.cache =
        new EntitlementCache(
            clock,
            options.ttl(),
            options.staleAfter(),
            options.maxCustomers(),
            options.store() != null);
    this.store = new SnapshotStore(options.store(), cache, clock);
    EntitlementCalls calls = new EntitlementCalls(api, new GetRetries(api, clock));
    this.reads = new EntitlementReads(calls, cache, store);
    this.writes = new EntitlementWrites(calls, cache);
  }

  /** Reading entitlements. */
  public EntitlementReads reads() {
    return reads;
  }

  /** Granting and revoking. */
  public EntitlementWrites writes() {
    return writes;
  }

  /** Registers a change listener. */
  public Subscription subscribe(EntitlementsListener listener) {
    return cache.subscribe(listener);
  }

  /** The cache's state and counters. */
  public EntitlementCacheStats stats() {
    return cache.stats();
  }

  /**
   * Forgets a person: their cached entries and aliases, and in the store every key the erasure
   * names or the cache knew as theirs.
   *
   * @param customerId the erased customer's canonical id, or {@code null}
   * @param hints the hints the erasure was given
   */
  public void forget(String customerId, IdentityHints hints) {
    Set<String> keys =
        SnapshotStore.keys(customerId, hints.customerId(), hints.userId(), hints.anonymousId());
    keys.addAll(cache.forget(customerId, hints));
    store.delete(keys);
  }
}
