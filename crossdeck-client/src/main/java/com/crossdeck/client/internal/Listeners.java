package com.crossdeck.client.internal;

import com.crossdeck.client.CrossdeckListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered listeners; a listener that throws is logged and never affects delivery. */
public final class Listeners {

  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  private final List<CrossdeckListener> listeners = new CopyOnWriteArrayList<>();

  /** Registers a listener. */
  public void add(CrossdeckListener listener) {
    listeners.add(listener);
  }

  /** Removes a listener. */
  public void remove(CrossdeckListener listener) {
    listeners.remove(listener);
  }

  /** Calls every listener, isolating each from the others' failures. */
  void notify(Consumer<CrossdeckListener> callback) {
    for (CrossdeckListener listener : listeners) {
      try {
        callback.accept(listener);
      } catch (RuntimeException | LinkageError e) {
        log.warn(
            "A CrossdeckListener ({}) threw; delivery continues", listener.getClass().getName(), e);
      }
    }
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }
}
