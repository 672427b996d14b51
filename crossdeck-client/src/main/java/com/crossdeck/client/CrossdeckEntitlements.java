package com.crossdeck.client;

import com.crossdeck.client.internal.Lazy;
import com.crossdeck.client.internal.entitlements.EntitlementRoom;
import com.crossdeck.client.internal.entitlements.EntitlementWrites;
import java.time.Duration;
import java.util.List;

/**
 * Entitlements: what a customer may use, read from Crossdeck into a container-local cache and
 * checked from that cache without I/O; and manual grants and revocations. Obtain it from {@link
 * CrossdeckServer#entitlements()}. Thread-safe.
 *
 * <pre>{@code
 * IdentityHints user = IdentityHints.forUser(userId);
 * crossdeck.entitlements().warm(user);                  // asks Crossdeck at most once per TTL
 * if (!crossdeck.entitlements().isEntitled(user, "pro")) {
 *   return forbidden();
 * }
 * }</pre>
 *
 * <p><b>The cache</b> (extended contract §2.5) holds, per customer, the last answer Crossdeck gave,
 * under the customer's canonical id ({@code cdcust_…}) with the user and anonymous ids that asked
 * for it as aliases. {@link #isEntitled} and {@link #list} read only the cache: they never block
 * and never do I/O, so they can run on every request. {@link #get} always asks Crossdeck; {@link
 * #warm} asks only when the cached answer is older than the TTL (default 60 s, {@code
 * entitlementCacheTtl}) or was changed by a grant or revocation since. Answers keep serving after
 * the TTL and through an outage (last-known-good); {@link #cacheStats()} counts such stale serves.
 * At most {@code entitlementCacheMaxCustomers} customers (default 10,000) are kept. With an {@link
 * EntitlementStore}, answers also survive a cold start.
 */
public final class CrossdeckEntitlements {

  private final Lazy<EntitlementRoom> room;
  private final Duration cacheTtl;
  private final boolean storeConfigured;

  /**
   * @param room the entitlement parts, created by their first use
   * @param cacheTtl the cache's time to live, as configured
   * @param storeConfigured whether the builder was given an {@link EntitlementStore}
   */
  CrossdeckEntitlements(Lazy<EntitlementRoom> room, Duration cacheTtl, boolean storeConfigured) {
    this.room = room;
    this.cacheTtl = cacheTtl;
    this.storeConfigured = storeConfigured;
  }

  /**
   * Asks Crossdeck for the customer the hints name ({@code GET /v1/entitlements}, retried on
   * network failures and 5xx), caches the answer and saves it to the {@link EntitlementStore}.
   *
   * <p>If the request fails with an error that may pass (network, timeout, 5xx, 429) and a store
   * holds a snapshot for the hints, the snapshot answers instead. Otherwise the error is thrown.
   *
   * @throws CrossdeckException {@code missing_identity} before any request when every hint is
   *     blank; the server's typed error; or a {@code network_error}
   */
  public CustomerEntitlements get(IdentityHints hints) {
    return room.get().reads().get(hints);
  }

  /**
   * Asks Crossdeck for a customer by canonical id ({@code GET
   * /v1/server/customers/{id}/entitlements}) and caches the answer.
   *
   * @throws CrossdeckException {@code missing_customer_id} when blank; the server's typed error; or
   *     a {@code network_error}
   */
  public CustomerEntitlements getForCustomer(String customerId) {
    return room.get().reads().getForCustomer(customerId);
  }

  /**
   * The cached answer when it is younger than the TTL and no grant or revocation through this
   * client changed it since; otherwise {@link #get}. When that fails with an error that may pass,
   * the last-known-good answer is returned (counted as a stale serve); with nothing known, the
   * error is thrown.
   *
   * @throws CrossdeckException as {@link #get}, when nothing cached can answer
   */
  public CustomerEntitlements warm(IdentityHints hints) {
    return room.get().reads().warm(hints);
  }

  /**
   * Whether the cached answer for the hints holds {@code key} active and not expired. Reads the
   * cache only: never blocks, never does I/O. A customer id hint is used as given; otherwise the
   * user id, then the anonymous id, must have been asked for with {@link #get} or {@link #warm}.
   * {@code false} when nothing is cached.
   */
  public boolean isEntitled(IdentityHints hints, String key) {
    return room.get().reads().isEntitled(hints, key);
  }

  /**
   * Like {@link #isEntitled(IdentityHints, String)} for one id of any kind: a cached {@code
   * cdcust_…} id, or a user or anonymous id asked for earlier.
   */
  public boolean isEntitled(String id, String key) {
    return room.get().reads().isEntitled(id, key);
  }

  /**
   * Every cached entitlement for the hints, inactive and expired ones included (check {@link
   * Entitlement#grantsAccessAt}); empty when nothing is cached. No I/O.
   */
  public List<Entitlement> list(IdentityHints hints) {
    return room.get().reads().list(hints);
  }

  /** Like {@link #list(IdentityHints)} for one id of any kind. */
  public List<Entitlement> list(String id) {
    return room.get().reads().list(id);
  }

  /** Registers a listener told whenever a customer's cached entitlements are replaced. */
  public Subscription onChange(EntitlementsListener listener) {
    return room.get().subscribe(listener);
  }

  /**
   * Grants an entitlement ({@code POST /v1/server/customers/{id}/grant}), once: never retried and
   * sent without an {@code Idempotency-Key}, as in the reference SDK. The answer is applied to the
   * cached customer at once (so {@link #isEntitled} sees the grant) and the customer is due for a
   * refresh, so the next {@link #warm} asks Crossdeck.
   *
   * @throws CrossdeckException {@code missing_customer_id}, {@code missing_entitlement_key} or
   *     {@code missing_duration} before any request; the server's typed error; or a {@code
   *     network_error}
   */
  public EntitlementMutation grant(EntitlementGrant grant) {
    return room.get().writes().grant(grant);
  }

  /**
   * Revokes an entitlement ({@code POST /v1/server/customers/{id}/revoke}), once, applying the
   * answer to the cache like {@link #grant}.
   *
   * @throws CrossdeckException {@code missing_customer_id} or {@code missing_entitlement_key}
   *     before any request; the server's typed error; or a {@code network_error}
   */
  public EntitlementMutation revoke(EntitlementRevoke revoke) {
    return room.get().writes().revoke(revoke);
  }

  /** {@link #grantAll(List, int)} with at most 5 calls in flight. */
  public List<BulkOutcome<EntitlementGrant>> grantAll(List<EntitlementGrant> grants) {
    return grantAll(grants, EntitlementWrites.DEFAULT_MAX_CONCURRENCY);
  }

  /**
   * Grants each input with {@link #grant}, at most {@code maxConcurrency} at once (1 to 64), and
   * returns when all are done: one outcome per input, in input order, never stopping at a failure.
   * The calling thread takes part; up to {@code maxConcurrency - 1} short-lived daemon threads
   * ({@code crossdeck-bulk-N}) help it.
   */
  public List<BulkOutcome<EntitlementGrant>> grantAll(
      List<EntitlementGrant> grants, int maxConcurrency) {
    return room.get().writes().grantAll(grants, maxConcurrency);
  }

  /** {@link #revokeAll(List, int)} with at most 5 calls in flight. */
  public List<BulkOutcome<EntitlementRevoke>> revokeAll(List<EntitlementRevoke> revokes) {
    return revokeAll(revokes, EntitlementWrites.DEFAULT_MAX_CONCURRENCY);
  }

  /** Revokes each input with {@link #revoke}, as {@link #grantAll(List, int)} grants. */
  public List<BulkOutcome<EntitlementRevoke>> revokeAll(
      List<EntitlementRevoke> revokes, int maxConcurrency) {
    return room.get().writes().revokeAll(revokes, maxConcurrency);
  }

  /**
   * One entry of the entitlement audit log ({@code GET /v1/server/audit/{eventId}}).
   *
   * @throws CrossdeckException {@code missing_event_id} when blank; the server's typed error (404
   *     for an unknown id); or a {@code network_error}
   */
  public AuditEntry auditEntry(String eventId) {
    return room.get().reads().auditEntry(eventId);
  }

  /**
   * The cache's state and counters; no I/O. Reading them before any entitlement call creates
   * nothing: a health probe or a metrics scrape does not load the entitlement parts.
   */
  public EntitlementCacheStats cacheStats() {
    return room.isCreated()
        ? room.get().stats()
        : new EntitlementCacheStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, cacheTtl, storeConfigured);
  }
}
