package com.crossdeck.client.internal.entitlements;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.CustomerEntitlements;
import com.crossdeck.client.EntitlementStore;
import com.crossdeck.client.IdentityHints;
import com.crossdeck.client.StoredEntitlements;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * The application's optional {@link EntitlementStore}, called the way the reference SDK calls it
 * (extended contract §2.6) and never allowed to break an entitlement call: whatever the store
 * throws is counted, logged the first time, and treated as a miss. Thread-safe if the store is.
 */
final class SnapshotStore {

  private final EntitlementStore store;
  private final EntitlementCache cache;
  private final CrossdeckClock clock;
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  /** A bridge to {@code store}, which may be {@code null} (no durability). */
  SnapshotStore(EntitlementStore store, EntitlementCache cache, CrossdeckClock clock) {
    this.store = store;
    this.cache = cache;
    this.clock = clock;
  }

  boolean isConfigured() {
    return store != null;
  }

  /** Saves the answer under its canonical id and each distinct hint, one after another. */
  void save(CustomerEntitlements answer, IdentityHints hints) {
    if (store == null) {
      return;
    }
    StoredEntitlements snapshot;
    try {
      snapshot =
          new StoredEntitlements(
              StoredEntitlements.VERSION,
              answer.crossdeckCustomerId(),
              answer.entitlements(),
              answer.environment(),
              Instant.ofEpochMilli(clock.currentTimeMillis()));
    } catch (IllegalArgumentException e) {
      failed("build a snapshot of", e);
      return;
    }
    for (String key :
        keys(
            answer.crossdeckCustomerId(),
            hints.customerId(),
            hints.userId(),
            hints.anonymousId())) {
      try {
        store.save(key, snapshot);
      } catch (Throwable e) {
        failed("save", e);
      }
    }
  }

  /** The first snapshot found under the customer id, the user id, then the anonymous id. */
  Optional<StoredEntitlements> load(IdentityHints hints) {
    if (store == null) {
      return Optional.empty();
    }
    for (String key : keys(hints.customerId(), hints.userId(), hints.anonymousId())) {
      try {
        Optional<StoredEntitlements> found = store.load(key);
        if (found != null && found.isPresent()) {
          return found;
        }
      } catch (Throwable e) {
        failed("load", e);
      }
    }
    return Optional.empty();
  }

  /** Deletes every key given. */
  void delete(Collection<String> keys) {
    if (store == null) {
      return;
    }
    for (String key : keys) {
      try {
        store.delete(key);
      } catch (Throwable e) {
        failed("delete", e);
      }
    }
  }

  /** The distinct non-blank keys, in order. */
  static Set<String> keys(String... candidates) {
    Set<String> keys = new LinkedHashSet<>();
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        keys.add(candidate);
      }
    }
    return keys;
  }

  private void failed(String action, Throwable e) {
    cache.recordStoreError();
    if (failureLogged.compareAndSet(false, true)) {
      LoggerFactory.getLogger(SnapshotStore.class)
          .warn(
              "Crossdeck could not {} an entitlement snapshot through the EntitlementStore; the"
                  + " call goes on without it. Later failures are only counted (storeErrors).",
              action,
              e);
    }
  }
}
