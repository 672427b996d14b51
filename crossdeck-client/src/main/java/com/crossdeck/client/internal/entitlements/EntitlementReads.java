package com.crossdeck.client.internal.entitlements;

import com.crossdeck.client.AuditEntry;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.CustomerEntitlements;
import com.crossdeck.client.Entitlement;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.IdentityHints;
import com.crossdeck.client.StoredEntitlements;
import com.crossdeck.client.internal.Require;
import java.util.List;
import java.util.Optional;

/**
 * Reading entitlements: from Crossdeck into the cache ({@code get}, {@code getForCustomer}, {@code
 * warm}), and from the cache alone ({@code isEntitled}, {@code list}), with the reference SDK's
 * failure behaviour (extended contract §2.3–§2.6). Thread-safe.
 */
public final class EntitlementReads {

  private final EntitlementCalls calls;
  private final EntitlementCache cache;
  private final SnapshotStore store;

  EntitlementReads(EntitlementCalls calls, EntitlementCache cache, SnapshotStore store) {
    this.calls = calls;
    this.cache = cache;
    this.store = store;
  }

  /**
   * Asks Crossdeck, caches the answer under its canonical id with the user and anonymous ids as
   * aliases, saves it to the store, and returns it. On a failure that may pass (network, timeout,
   * 5xx, 429) a stored snapshot answers in its place, cached as stale; otherwise, or without one,
   * the customer is marked stale (an empty stub when nothing was cached) and the error is thrown.
   */
  public CustomerEntitlements get(IdentityHints hints) {
    Require.hints(hints, "getEntitlements");
    CustomerEntitlements answer;
    try {
      answer = calls.byHints(hints);
    } catch (CrossdeckException e) {
      Optional<CustomerEntitlements> recovered =
          e.isRetryable() ? recover(hints) : Optional.empty();
      if (recovered.isPresent()) {
        return recovered.get();
      }
      String marked = cache.resolve(hints);
      cache.markRefreshFailed(marked != null ? marked : firstHint(hints));
      throw e;
    }
    if (!isBlank(answer.crossdeckCustomerId())) {
      cache.populate(
          answer.crossdeckCustomerId(),
          answer.entitlements(),
          answer.environment(),
          hints.userId(),
          hints.anonymousId());
      store.save(answer, hints);
    }
    return answer;
  }

  /**
   * Asks Crossdeck by canonical customer id and caches the answer (no aliases, no store). A failure
   * is thrown as it is and marks nothing stale, as in the reference SDK.
   */
  public CustomerEntitlements getForCustomer(String customerId) {
    Require.text(
        customerId, ErrorCodes.MISSING_CUSTOMER_ID, "customerId", "getCustomerEntitlements");
    CustomerEntitlements answer = calls.byCustomer(customerId);
    if (!isBlank(answer.crossdeckCustomerId())) {
      cache.populate(answer.crossdeckCustomerId(), answer.entitlements(), answer.environment());
    }
    return answer;
  }

  /**
   * The cached answer while it is younger than the TTL and was not changed by a grant or revocation
   * since; otherwise {@link #get}. When that fails with an error that may pass, the last-known-good
   * answer is served (and counted) if there is one.
   */
  public CustomerEntitlements warm(IdentityHints hints) {
    Require.hints(hints, "warmEntitlements");
    String id = cache.resolve(hints);
    EntitlementCache.Entry fresh = cache.fresh(id);
    if (fresh != null) {
      return new CustomerEntitlements(id, fresh.entitlements(), fresh.environment());
    }
    try {
      return get(hints);
    } catch (CrossdeckException e) {
      EntitlementCache.Entry known = e.isRetryable() ? cache.lastKnownGood(id) : null;
      if (known == null) {
        throw e;
      }
      return new CustomerEntitlements(id, known.entitlements(), known.environment());
    }
  }

  /** Whether the cached answer for the hints grants {@code key} now; no I/O. */
  public boolean isEntitled(IdentityHints hints, String key) {
    return hints != null && cache.isEntitled(cache.resolve(hints), key);
  }

  /** Like {@link #isEntitled(IdentityHints, String)}, for a bare id (§2.5.3). */
  public boolean isEntitled(String hint, String key) {
    return cache.isEntitled(cache.resolve(hint), key);
  }

  /** Every cached entitlement for the hints, inactive ones included; no I/O. */
  public List<Entitlement> list(IdentityHints hints) {
    return hints == null ? List.of() : cache.list(cache.resolve(hints));
  }

  /** Like {@link #list(IdentityHints)}, for a bare id. */
  public List<Entitlement> list(String hint) {
    return cache.list(cache.resolve(hint));
  }

  /** {@code GET /server/audit/{eventId}}. */
  public AuditEntry auditEntry(String eventId) {
    Require.text(eventId, ErrorCodes.MISSING_EVENT_ID, "eventId", "getAuditEntry");
    return calls.auditEntry(eventId);
  }

  private Optional<CustomerEntitlements> recover(IdentityHints hints) {
    Optional<StoredEntitlements> stored = store.load(hints);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    StoredEntitlements snapshot = stored.get();
    cache.populate(
        snapshot.crossdeckCustomerId(),
        snapshot.entitlements(),
        snapshot.environment(),
        hints.userId(),
        hints.anonymousId());
    // The snapshot is as old as its save, and Crossdeck was just unreachable: a failed refresh.
    cache.markRefreshFailed(snapshot.crossdeckCustomerId());
    return Optional.of(
        new CustomerEntitlements(
            snapshot.crossdeckCustomerId(), snapshot.entitlements(), snapshot.environment()));
  }

  private static String firstHint(IdentityHints hints) {
    for (String hint : new String[] {hints.customerId(), hints.userId(), hints.anonymousId()}) {
      if (!isBlank(hint)) {
        return hint;
      }
    }
    return null;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
