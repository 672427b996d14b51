package com.crossdeck.spring.identity;

import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.CrossdeckServer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Links an anonymous id to the signed-in user the first time this process sees them together, so
 * the visitor's earlier anonymous events join the user's timeline.
 *
 * <p>Each link is one background {@link CrossdeckServer#identifyAsync(String, String)} call: the
 * request that triggered it never waits for it and never sees its failure. Pairs already linked (or
 * being linked) are remembered in a bounded least-recently-used set, so a signed-in visitor whose
 * browser keeps sending its anonymous id costs one call per process, not one per request. A failed
 * link is forgotten, so a later request retries it. Thread-safe.
 */
public final class AnonymousIdLinker {

  /** How many linked pairs are remembered. */
  static final int CAPACITY = 10_000;

  private static final Log logger = LogFactory.getLog(AnonymousIdLinker.class);

  private final Supplier<CrossdeckServer> client;
  private final Set<Pair> linked = Collections.newSetFromMap(lruMap());
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  /**
   * Creates a linker.
   *
   * @param client supplies the client when the first link is made; lazily, because the client's
   *     identity fallback is what triggers links
   */
  public AnonymousIdLinker(Supplier<CrossdeckServer> client) {
    this.client = client;
  }

  /** Links the pair in the background unless it was linked before. Never blocks, never throws. */
  public void link(String userId, String anonymousId) {
    Pair pair = new Pair(userId, anonymousId);
    if (!linked.add(pair)) {
      return;
    }
    try {
      client
          .get()
          .identifyAsync(userId, anonymousId)
          .whenComplete(
              (result, error) -> {
                if (error != null) {
                  forget(pair, error);
                }
              });
    } catch (RuntimeException e) {
      forget(pair, e);
    }
  }

  private void forget(Pair pair, Throwable error) {
    linked.remove(pair);
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    String reason =
        cause instanceof CrossdeckException crossdeck
            ? crossdeck.code()
            : cause.getClass().getSimpleName();
    if (failureLogged.compareAndSet(false, true)) {
      logger.warn(
          "Crossdeck could not link an anonymous id to its user ("
              + reason
              + "); it will be retried on a later request. Further failures are logged at DEBUG.");
    } else if (logger.isDebugEnabled()) {
      logger.debug("Crossdeck could not link an anonymous id to its user (" + reason + ")");
    }
  }

  private static Map<Pair, Boolean> lruMap() {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(256, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Pair, Boolean> eldest) {
            return size() > CAPACITY;
          }
        });
  }

  private record Pair(String userId, String anonymousId) {}
}
