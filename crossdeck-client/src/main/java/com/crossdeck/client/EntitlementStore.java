package com.crossdeck.client;

import java.util.Optional;

/**
 * Keeps entitlement snapshots where they survive a cold start (a serverless instance's memory does
 * not): Redis, a database, a file. Optional; set it with {@link
 * CrossdeckServerBuilder#entitlementStore}. Its methods run on the thread that called the
 * entitlement method, and whatever they throw is caught, counted and logged: a broken store never
 * breaks an entitlement check.
 *
 * <p>After every successful {@code get} the snapshot is saved under each distinct key of: the
 * customer's canonical id and the customer id, user id and anonymous id that were asked for. When a
 * {@code get} fails with an error that may pass (network, timeout, 5xx, 429), snapshots are loaded
 * by the hints asked for, in the order customer id, user id, anonymous id, and the first found
 * answers in its place (extended contract §2.6). {@link CrossdeckServer#forget} deletes every key
 * it erased.
 */
public interface EntitlementStore {

  /**
   * The snapshot saved under {@code key}.
   *
   * @param key a canonical customer id, a customer id, a user id or an anonymous id
   * @return the snapshot, or empty when none is saved
   */
  Optional<StoredEntitlements> load(String key);

  /** Saves {@code snapshot} under {@code key}, replacing what was there. */
  void save(String key, StoredEntitlements snapshot);

  /** Deletes what is saved under {@code key}, if anything; called by an erasure. */
  void delete(String key);
}
