package com.crossdeck.client.internal.delivery;

import com.crossdeck.client.CrossdeckListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered listeners, each called in isolation: whatever a callback throws (an exception or
 * an {@link Error}, such as a test's {@code AssertionError}) is caught, counted and logged once per
 * listener and callback, and never reaches the sender's loop or the caller of {@code track()}.
 * Thread-safe.
 */
public final class Listeners {

  /**
   * The logger, looked up when something is logged: setting up the logging system costs up to 100
   * ms in a fresh JVM, which {@code build()} must not pay.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(Listeners.class);
  }

  private final List<CrossdeckListener> listeners = new CopyOnWriteArrayList<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final DeliveryStats stats;

  /** Creates an empty registry that counts failing callbacks in {@code stats}. */
  public Listeners(DeliveryStats stats) {
    this.stats = stats;
  }

  /** Registers a listener. */
  public void add(CrossdeckListener listener) {
    listeners.add(listener);
  }

  /** Removes a listener. */
  public void remove(CrossdeckListener listener) {
    listeners.remove(listener);
  }

  void flushSucceeded(CrossdeckListener.FlushSucceeded event) {
    deliver("onFlushSucceeded", listener -> listener.onFlushSucceeded(event));
  }

  void flushFailed(CrossdeckListener.FlushFailed event) {
    deliver("onFlushFailed", listener -> listener.onFlushFailed(event));
  }

  /** Tells every listener that accepted events were dropped. */
  public void eventsDropped(CrossdeckListener.EventsDropped event) {
    deliver("onEventsDropped", listener -> listener.onEventsDropped(event));
  }

  void permanentFailure(CrossdeckListener.PermanentFailure event) {
    deliver("onPermanentFailure", listener -> listener.onPermanentFailure(event));
  }

  void parked(CrossdeckListener.Parked event) {
    deliver("onParked", listener -> listener.onParked(event));
  }

  void eventRejected(CrossdeckListener.EventRejected event) {
    deliver("onEventRejected", listener -> listener.onEventRejected(event));
  }

  private void deliver(String callback, Consumer<CrossdeckListener> call) {
    for (CrossdeckListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (Throwable e) {
        stats.recordListenerFailure();
        String name = listener.getClass().getName();
        if (reported.add(name + '#' + callback)) {
          log()
              .warn(
                  "A CrossdeckListener ({}) threw from {}; delivery continues. Later failures of this"
                      + " callback are only counted (diagnostics: listenerFailures).",
                  name,
                  callback,
                  e);
        }
      }
    }
  }
}
