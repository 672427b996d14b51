package com.crossdeck.client.internal;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHint;
import com.crossdeck.client.TrackResult;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code track()} path: validate, pick the identity, serialize once, queue, return.
 *
 * <p>It mirrors the server's validation so that one bad event is refused here, alone, instead of
 * making the server reject a whole batch. It never throws and never blocks: a refused event gets a
 * {@link TrackResult} naming the field and the limit, a counter, a listener callback, and one log
 * line per reason for the lifetime of the client. Thread-safe.
 */
final class EventIntake {

  private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

  private final EventEncoder encoder;
  private final EventQueue queue;
  private final BatchSender sender;
  private final DeliveryStats stats;
  private final Listeners listeners;
  private final CrossdeckClock clock;
  private final Supplier<IdentityHint> identityFallback;
  private final AtomicLong seq = new AtomicLong();
  private final LogThrottle once;
  private final Supplier<IdentityHint> safeFallback = this::fallbackIdentity;
  private volatile boolean closed;

  EventIntake(
      EventEncoder encoder,
      EventQueue queue,
      BatchSender sender,
      DeliveryStats stats,
      Listeners listeners,
      CrossdeckClock clock,
      Supplier<IdentityHint> identityFallback) {
    this.encoder = encoder;
    this.queue = queue;
    this.sender = sender;
    this.stats = stats;
    this.listeners = listeners;
    this.clock = clock;
    this.identityFallback = identityFallback;
    this.once = new LogThrottle(clock, Long.MAX_VALUE);
  }

  /** Refuses every later event with {@code client_closed}. */
  void close() {
    closed = true;
  }

  TrackResult track(Event event) {
    if (closed) {
      return reject(
          ErrorCodes.CLIENT_CLOSED,
          "The Crossdeck client is closed; event '"
              + (event == null ? null : event.name())
              + "' was not queued.");
    }
    long now = clock.currentTimeMillis();
    EventRules.Checked checked;
    try {
      checked = EventRules.check(event, safeFallback, now, false);
    } catch (EventRules.Violation violation) {
      return reject(violation.code(), violation.getMessage());
    }
    return enqueue(event, checked, now);
  }

  private TrackResult enqueue(Event event, EventRules.Checked checked, long now) {
    long timestamp = event.timestamp() != null ? event.timestamp() : now;
    EventEncoder.Encoding encoding = encoder.forCurrentThread();
    byte[] encoded;
    try {
      encoded =
          encoding.encodeForQueue(
              event,
              checked.identityKind(),
              checked.identity(),
              checked.eventId(),
              timestamp,
              seq.getAndIncrement());
    } catch (RuntimeException | StackOverflowError e) {
      return reject(
          ErrorCodes.SERIALIZATION_FAILED,
          "Event '" + event.name() + "' could not be serialized: " + e.getClass().getSimpleName());
    }
    if (encoding.truncated() || encoding.droppedKeys() > 0) {
      noteCoercion(event.name(), encoding);
    }
    int size = queue.offer(encoded);
    stats.recordQueued();
    sender.onEventQueued(size);
    return checked.eventId() != null
        ? TrackResult.queued(checked.eventId())
        : TrackResults.withGeneratedId(encoded);
  }

  private void noteCoercion(String name, EventEncoder.Encoding encoding) {
    stats.recordEncoding(encoding.truncated(), encoding.droppedKeys());
    if (encoding.truncated() && once.shouldLog("truncated")) {
      log.warn(
          "Crossdeck event '{}' had more than {} bytes of properties; its largest keys were removed"
              + " and __truncated=true added. Later truncations are only counted.",
          name,
          PropertiesWriter.MAX_BYTES);
    }
    if (encoding.droppedKeys() > 0 && once.shouldLog("dropped_property")) {
      log.warn(
          "Crossdeck event '{}' had {} property value(s) that could not be converted to JSON (or a"
              + " null key); those keys were dropped and the event kept. Later drops are only"
              + " counted.",
          name,
          encoding.droppedKeys());
    }
  }

  private IdentityHint fallbackIdentity() {
    if (identityFallback == null) {
      return null;
    }
    try {
      return identityFallback.get();
    } catch (RuntimeException e) {
      if (once.shouldLog("fallback_failed")) {
        log.warn("Crossdeck identityFallback threw; treating the event as having no identity", e);
      }
      return null;
    }
  }

  private TrackResult reject(String code, String message) {
    stats.recordRejected(code);
    if (once.shouldLog("rejected:" + code)) {
      log.warn(
          "Crossdeck rejected an event: {} Further '{}' rejections are counted"
              + " (crossdeck.events.rejected) but not logged.",
          message,
          code);
    }
    listeners.notify(l -> l.onEventRejected(new CrossdeckListener.EventRejected(code, message)));
    return TrackResult.rejected(code, message);
  }
}
