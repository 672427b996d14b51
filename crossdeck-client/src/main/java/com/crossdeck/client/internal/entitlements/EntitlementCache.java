package com.crossdeck.client.internal.entitlements;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.Entitlement;
import com.crossdeck.client.EntitlementCacheStats;
import com.crossdeck.client.EntitlementMutation;
import com.crossdeck.client.EntitlementsListener;
import com.crossdeck.client.IdentityHints;
import com.crossdeck.client.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The container-local entitlement cache (extended contract §2.5): per canonical customer id, the
 * last answer Crossdeck gave, plus aliases from user and anonymous ids to that id.
 *
 * <p><b>Reads never wait and never do I/O.</b> {@code isEntitled} and {@code list} read concurrent
 * maps; writers (a fetch, a grant, an erasure) are serialized among themselves only, so a reader is
 * never held up by a writer or by another reader.
 *
 * <p><b>Last-known-good.</b> As in the reference SDK, an answer keeps serving after its TTL and
 * through a failed refresh: the TTL only says when {@code warm} asks Crossdeck again. An entry is
 * <em>stale</em> when its last refresh failed or its answer is older than the stale-after age;
 * stale entries still answer, and those answers are counted.
 *
 * <p><b>Bounded.</b> At most {@code maxCustomers} entries and as many aliases; beyond that the
 * least recently written goes (reads do not count as use, as in the reference SDK). Thread-safe.
 */
public final class EntitlementCache {

  /** The prefix of canonical customer ids; a bare string with it names a customer directly. */
  static final String CUSTOMER_PREFIX = "cdcust_";

  /**
   * One customer's cached answer.
   *
   * @param entitlements every entitlement, unmodifiable
   * @param environment the answer's environment
   * @param populatedAtMillis when the answer arrived; 0 for a failed first read
   * @param refreshDueAtMillis when {@code warm} asks again
   * @param refreshFailedAtMillis the last failed refresh since the answer arrived, 0 for none
   */
  record Entry(
      List<Entitlement> entitlements,
      String environment,
      long populatedAtMillis,
      long refreshDueAtMillis,
      long refreshFailedAtMillis) {

    boolean populated() {
      return populatedAtMillis > 0;
    }
  }

  private final BoundedMap<Entry> entries;
  private final BoundedMap<String> aliases;
  private final Object writeLock = new Object();
  private final CacheListeners listeners = new CacheListeners();
  private final CrossdeckClock clock;
  private final long ttlMillis;
  private final long staleAfterMillis;
  private final boolean durableStore;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder staleServes = new LongAdder();
  private final LongAdder refreshFailures = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder storeErrors = new LongAdder();

  /**
   * @param clock the time source, for ages and expiry
   * @param ttl how long an answer is used before {@code warm} asks again
   * @param staleAfter the age after which an answer counts as stale
   * @param maxCustomers the most customers (and the most aliases) kept
   * @param durableStore whether a store backs the cache, for the statistics
   */
  public EntitlementCache(
      CrossdeckClock clock,
      Duration ttl,
      Duration staleAfter,
      int maxCustomers,
      boolean durableStore) {
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
    this.staleAfterMillis = staleAfter.toMillis();
    this.entries = new BoundedMap<>(maxCustomers);
    this.aliases = new BoundedMap<>(maxCustomers);
    this.durableStore = durableStore;
  }

  // ---- resolution -------------------------------------------------------------------------

  /**
   * The canonical id the hints resolve to (§2.5.3), or {@code null}: a customer id as given, else
   * the alias of the user id, else that of the anonymous id.
   */
  String resolve(IdentityHints hints) {
    if (!isBlank(hints.customerId())) {
      return hints.customerId();
    }
    if (!isBlank(hints.userId())) {
      return aliases.get(hints.userId());
    }
    if (!isBlank(hints.anonymousId())) {
      return aliases.get(hints.anonymousId());
    }
    return null;
  }

  /**
   * The canonical id a bare string resolves to: itself when it is a cached {@code cdcust_…} id,
   * else its alias. (The reference SDK stops resolving a bare customer id once its answer is older
   * than the TTL, while the same id given as a customer-id hint keeps serving; here both keep
   * serving, as the cache's last-known-good design intends.)
   */
  String resolve(String hint) {
    if (isBlank(hint)) {
      return null;
    }
    if (hint.startsWith(CUSTOMER_PREFIX) && entries.containsKey(hint)) {
      return hint;
    }
    return aliases.get(hint);
  }

  // ---- reads ------------------------------------------------------------------------------

  /** Whether the customer {@code id} resolves to holds {@code key} granting access now. */
  boolean isEntitled(String id, String key) {
    Entry entry = read(id);
    if (entry == null || key == null) {
      return false;
    }
    Instant now = Instant.ofEpochMilli(clock.currentTimeMillis());
    for (Entitlement entitlement : entry.entitlements()) {
      if (entitlement.key().equals(key) && entitlement.grantsAccessAt(now)) {
        return true;
      }
    }
    return false;
  }

  /** Every cached entitlement of the customer, inactive and expired ones included. */
  List<Entitlement> list(String id) {
    Entry entry = read(id);
    return entry == null ? List.of() : entry.entitlements();
  }

  /**
   * The customer's answer if it is younger than the TTL and no grant or revocation changed it
   * since, counted as a hit; otherwise {@code null}, counted as a miss (the caller asks Crossdeck).
   */
  Entry fresh(String id) {
    Entry entry = entries.get(id);
    if (entry == null
        || !entry.populated()
        || clock.currentTimeMillis() >= entry.refreshDueAtMillis()) {
      misses.increment();
      return null;
    }
    count(entry);
    return entry;
  }

  /** The customer's last-known-good answer, counted as a stale serve; or {@code null}. */
  Entry lastKnownGood(String id) {
    Entry entry = entries.get(id);
    if (entry == null || !entry.populated()) {
      return null;
    }
    staleServes.increment();
    return entry;
  }

  private Entry read(String id) {
    Entry entry = entries.get(id);
    if (entry == null || !entry.populated()) {
      misses.increment();
      return null;
    }
    count(entry);
    return entry;
  }

  private void count(Entry entry) {
    hits.increment();
    if (isStale(entry, clock.currentTimeMillis())) {
      staleServes.increment();
    }
  }

  private boolean isStale(Entry entry, long now) {
    return entry.refreshFailedAtMillis() > 0
        || (entry.populated() && now - entry.populatedAtMillis() > staleAfterMillis);
  }

  // ---- writes -----------------------------------------------------------------------------

  /**
   * Replaces the customer's answer, records the hints' aliases and tells the listeners (§2.3).
   *
   * @param customerId the canonical id from the answer
   * @param entitlements the answer's entitlements
   * @param environment the answer's environment
   * @param aliasOf the user and anonymous ids that asked for it; a customer-id hint is never an
   *     alias
   */
  void populate(
      String customerId, List<Entitlement> entitlements, String environment, String... aliasOf) {
    long now = clock.currentTimeMillis();
    List<Entitlement> frozen = List.copyOf(entitlements);
    synchronized (writeLock) {
      putEntry(customerId, new Entry(frozen, environment, now, now + ttlMillis, 0));
      for (String alias : aliasOf) {
        if (!isBlank(alias)) {
          putAlias(alias, customerId);
        }
      }
    }
    notifyListeners(customerId, frozen);
  }

  /**
   * Marks a failed refresh (§2.3): the entry keeps its answer and counts as stale, or an empty stub
   * is created when nothing was cached.
   */
  void markRefreshFailed(String id) {
    refreshFailures.increment();
    if (isBlank(id)) {
      return;
    }
    long now = clock.currentTimeMillis();
    synchronized (writeLock) {
      Entry entry = entries.get(id);
      putEntry(
          id,
          entry == null
              ? new Entry(List.of(), null, 0, 0, now)
              : new Entry(
                  entry.entitlements(),
                  entry.environment(),
                  entry.populatedAtMillis(),
                  entry.refreshDueAtMillis(),
                  now));
    }
  }

  /**
   * Applies a grant or revocation answered by Crossdeck to a cached customer: the changed
   * entitlement replaces (or joins) the cached ones at once, and the entry is due for a refresh, so
   * the next {@code warm} asks Crossdeck for the whole truth. A customer not cached stays uncached:
   * a single entitlement is not its whole answer.
   *
   * @param pathId the customer id the call was made with, which may be a merged-away id
   */
  void apply(String pathId, EntitlementMutation mutation) {
    Entitlement changed = mutation.entitlement();
    String id = isBlank(mutation.crossdeckCustomerId()) ? pathId : mutation.crossdeckCustomerId();
    List<String> notified = new ArrayList<>(2);
    List<List<Entitlement>> lists = new ArrayList<>(2);
    synchronized (writeLock) {
      for (String key : new LinkedHashSet<>(List.of(id, pathId))) {
        Entry entry = entries.get(key);
        if (entry == null || !entry.populated()) {
          continue;
        }
        List<Entitlement> next = new ArrayList<>(entry.entitlements().size() + 1);
        boolean replaced = false;
        for (Entitlement cached : entry.entitlements()) {
          if (changed != null && cached.key().equals(changed.key())) {
            next.add(changed);
            replaced = true;
          } else {
            next.add(cached);
          }
        }
        if (changed != null && !replaced) {
          next.add(changed);
        }
        List<Entitlement> frozen = List.copyOf(next);
        putEntry(
            key,
            new Entry(
                frozen,
                entry.environment(),
                entry.populatedAtMillis(),
                clock.currentTimeMillis(),
                entry.refreshFailedAtMillis()));
        notified.add(key);
        lists.add(frozen);
      }
    }
    for (int i = 0; i < notified.size(); i++) {
      notifyListeners(notified.get(i), lists.get(i));
    }
  }

  /**
   * Forgets a person (an erasure): the customer's entry, the entries and aliases the hints name,
   * and every alias pointing at the customer.
   *
   * @param customerId the erased customer's canonical id, or {@code null} when unknown
   * @param hints the hints the erasure was given
   * @return every id forgotten, customer ids and aliases alike
   */
  Set<String> forget(String customerId, IdentityHints hints) {
    Set<String> forgotten = new LinkedHashSet<>();
    synchronized (writeLock) {
      Set<String> ids = new LinkedHashSet<>();
      if (!isBlank(customerId)) {
        ids.add(customerId);
      }
      for (String hint : new String[] {hints.customerId(), hints.userId(), hints.anonymousId()}) {
        String id = isBlank(hint) ? null : resolve(hint);
        if (id != null) {
          ids.add(id);
        }
      }
      if (!isBlank(hints.customerId())) {
        ids.add(hints.customerId());
      }
      ids.forEach(entries::remove);
      forgotten.addAll(ids);
      aliases.removeIf(
          (alias, id) -> {
            boolean erased =
                ids.contains(id)
                    || alias.equals(hints.userId())
                    || alias.equals(hints.anonymousId());
            if (erased) {
              forgotten.add(alias);
            }
            return erased;
          });
    }
    return forgotten;
  }

  private void putEntry(String id, Entry entry) {
    evictions.add(entries.put(id, entry));
  }

  private void putAlias(String alias, String customerId) {
    aliases.put(alias, customerId);
  }

  // ---- listeners and statistics -----------------------------------------------------------

  /** Registers a change listener. */
  Subscription subscribe(EntitlementsListener listener) {
    return listeners.subscribe(listener);
  }

  private void notifyListeners(String customerId, List<Entitlement> entitlements) {
    listeners.changed(customerId, entitlements);
  }

  /** Counts a failed {@code EntitlementStore} call. */
  void recordStoreError() {
    storeErrors.increment();
  }

  /** The cache's state and counters. */
  EntitlementCacheStats stats() {
    long now = clock.currentTimeMillis();
    int stale = 0;
    for (Entry entry : entries.values()) {
      if (isStale(entry, now)) {
        stale++;
      }
    }
    return new EntitlementCacheStats(
        entries.size(),
        stale,
        aliases.size(),
        hits.sum(),
        misses.sum(),
        staleServes.sum(),
        refreshFailures.sum(),
        evictions.sum(),
        listeners.errors(),
        storeErrors.sum(),
        Duration.ofMillis(ttlMillis),
        durableStore);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
