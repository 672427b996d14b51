package com.crossdeck.client.internal.delivery;

import com.crossdeck.client.CrossdeckClock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a recurring log line may be written now, per key: once ever, or once per
 * interval. Keeps a misbehaving caller or a long outage from flooding the application's logs while
 * still saying clearly, once, what is wrong.
 */
public final class LogThrottle {

  private final CrossdeckClock clock;
  private final long intervalNanos;
  private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

  /**
   * @param clock the time source
   * @param intervalNanos the quiet period per key; {@link Long#MAX_VALUE} means once ever
   */
  public LogThrottle(CrossdeckClock clock, long intervalNanos) {
    this.clock = clock;
    this.intervalNanos = intervalNanos;
  }

  /** Whether a line for {@code key} should be written now; records it if so. */
  public boolean shouldLog(String key) {
    long now = clock.nanoTime();
    boolean[] allowed = {false};
    lastLogged.compute(
        key,
        (ignored, last) -> {
          if (last == null || (intervalNanos != Long.MAX_VALUE && now - last >= intervalNanos)) {
            allowed[0] = true;
            return now;
          }
          return last;
        });
    return allowed[0];
  }
}
