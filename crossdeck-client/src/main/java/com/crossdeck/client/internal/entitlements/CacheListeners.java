package com.crossdeck.client.internal.entitlements;

import com.crossdeck.client.Entitlement;
import com.crossdeck.client.EntitlementsListener;
import com.crossdeck.client.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.LoggerFactory;

/**
 * The cache's change listeners (extended contract §2.5.6), each called in isolation: whatever one
 * throws is counted, logged the first time, and never reaches the cache's writer. Thread-safe.
 */
final class CacheListeners {

  private final List<EntitlementsListener> listeners = new CopyOnWriteArrayList<>();
  private final LongAdder errors = new LongAdder();
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  Subscription subscribe(EntitlementsListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  void changed(String customerId, List<Entitlement> entitlements) {
    for (EntitlementsListener listener : listeners) {
      try {
        listener.onEntitlementsChanged(customerId, entitlements);
      } catch (Throwable e) {
        errors.increment();
        if (failureLogged.compareAndSet(false, true)) {
          LoggerFactory.getLogger(CacheListeners.class)
              .warn(
                  "A Crossdeck entitlements listener threw; the cache is unaffected. Later failures"
                      + " are only counted (listenerErrors).",
                  e);
        }
      }
    }
  }

  long errors() {
    return errors.sum();
  }
}
