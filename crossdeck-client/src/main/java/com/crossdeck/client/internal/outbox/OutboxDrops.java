package com.crossdeck.client.internal.outbox;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.DropReason;
import com.crossdeck.client.internal.delivery.DeliveryStats;
import com.crossdeck.client.internal.delivery.Listeners;
import com.crossdeck.client.internal.delivery.LogThrottle;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports events the outbox dropped to stay within its bounds, as every drop is reported: counted
 * by reason with the client's other drops, told to listeners, logged at most once a minute per
 * reason. Drops the server decides are reported by the delivery path. Used by the relay thread.
 */
final class OutboxDrops {

  private static Logger log() {
    return LoggerFactory.getLogger(OutboxDrops.class);
  }

  private final DeliveryStats stats;
  private final Listeners listeners;
  private final LogThrottle throttle;
  private final long maxRows;
  private final long maxBytes;
  private final long maxAgeMillis;

  OutboxDrops(
      DeliveryStats stats,
      Listeners listeners,
      CrossdeckClock clock,
      long maxRows,
      long maxBytes,
      long maxAgeMillis) {
    this.stats = stats;
    this.listeners = listeners;
    this.throttle = new LogThrottle(clock, TimeUnit.MINUTES.toNanos(1));
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
    this.maxAgeMillis = maxAgeMillis;
  }

  /** Rows older than the age limit were deleted undelivered. */
  void expired(long rows) {
    report(rows, DropReason.EXPIRED);
    if (throttle.shouldLog("expired")) {
      log()
          .warn(
              "Crossdeck outbox dropped {} event(s) that waited longer than maxAge ({} ms)"
                  + " undelivered. Further drops are counted in"
                  + " crossdeck.events.dropped{reason=expired} and logged at most once a minute.",
              rows,
              maxAgeMillis);
    }
  }

  /** Rows were deleted to keep the table within its bounds. */
  void overBounds(OutboxMaintenance.Trimmed trimmed) {
    if (trimmed.expired() > 0) {
      expired(trimmed.expired());
    }
    long full = trimmed.overRows() + trimmed.overBytes();
    if (full == 0) {
      return;
    }
    report(full, DropReason.QUEUE_FULL);
    if (throttle.shouldLog("full")) {
      log()
          .warn(
              "Crossdeck outbox is full (maxRows={}, maxBytes={}): dropped the {} oldest waiting"
                  + " event(s). Further drops are counted in"
                  + " crossdeck.events.dropped{reason=queue_full} and logged at most once a"
                  + " minute.",
              maxRows,
              maxBytes,
              full);
    }
  }

  private void report(long rows, DropReason reason) {
    stats.recordDropped(reason, rows);
    listeners.eventsDropped(new CrossdeckListener.EventsDropped(rows, reason));
  }
}
