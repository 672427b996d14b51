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

  /** Longest event name accepted. */
  static final int MAX_NAME_CHARS = 256;

  /** Identity hints and event ids must be 1 to this many characters. */
  static final int MAX_ID_CHARS = 256;

  private static final Logger log = LoggerFactory.getLogger(EventIntake.class);
  private static final IdentityHint.Kind[] IDENTITY_KINDS = IdentityHint.Kind.values();

  private final EventEncoder encoder;
  private final EventQueue queue;
  private final BatchSender sender;
  private final DeliveryStats stats;
  private final Listeners listeners;
  private final CrossdeckClock clock;
  private final Supplier<IdentityHint> identityFallback;
  private final AtomicLong seq = new AtomicLong();
  private final LogThrottle once;
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
    if (event == null) {
      return reject(ErrorCodes.MISSING_EVENT_NAME, "track() was given a null event.");
    }
    if (closed) {
      return reject(
          ErrorCodes.CLIENT_CLOSED,
          "The Crossdeck client is closed; event '" + event.name() + "' was not queued.");
    }
    String name = event.name();
    if (name == null || name.isBlank()) {
      return reject(ErrorCodes.MISSING_EVENT_NAME, "Event name is required and must not be blank.");
    }
    if (name.length() > MAX_NAME_CHARS) {
      return reject(
          ErrorCodes.EVENT_NAME_TOO_LONG,
          "Event name is " + name.length() + " characters; the limit is " + MAX_NAME_CHARS + ".");
    }
    IdentityHint.Kind kind = null;
    String identity = null;
    for (IdentityHint.Kind candidate : IDENTITY_KINDS) {
      String value = identityField(event, candidate);
      if (value != null && !value.isBlank()) {
        if (kind != null) {
          return reject(
              ErrorCodes.MULTIPLE_IDENTITY_HINTS,
              "Event '"
                  + name
                  + "' carries both "
                  + kind.field()
                  + " and "
                  + candidate.field()
                  + "; an event takes exactly one identity hint. Link the two with"
                  + " identify(userId, anonymousId) and track with one of them.");
        }
        kind = candidate;
        identity = value;
      }
    }
    if (kind == null) {
      IdentityHint fallback = fallbackIdentity();
      if (fallback == null || fallback.isBlank()) {
        return reject(
            ErrorCodes.MISSING_IDENTITY,
            "Event '"
                + name
                + "' has no identity hint (developerUserId, anonymousId or"
                + " crossdeckCustomerId) and no identity was available from the context.");
      }
      kind = fallback.kind();
      identity = fallback.value();
    }
    if (identity.length() > MAX_ID_CHARS) {
      return reject(
          ErrorCodes.INVALID_IDENTITY,
          kind.field()
              + " of event '"
              + name
              + "' is "
              + identity.length()
              + " characters; the limit is "
              + MAX_ID_CHARS
              + ".");
    }
    String eventId = event.eventId();
    if (eventId == null || eventId.isBlank()) {
      eventId = Ids.eventId(clock.currentTimeMillis());
    } else if (eventId.length() > MAX_ID_CHARS) {
      return reject(
          ErrorCodes.INVALID_EVENT_ID,
          "eventId of event '"
              + name
              + "' is "
              + eventId.length()
              + " characters; the limit is "
              + MAX_ID_CHARS
              + ".");
    }
    return enqueue(event, kind, identity, eventId);
  }

  private TrackResult enqueue(
      Event event, IdentityHint.Kind kind, String identity, String eventId) {
    long timestamp = event.timestamp() != null ? event.timestamp() : clock.currentTimeMillis();
    EventEncoder.Encoding encoding = encoder.forCurrentThread();
    byte[] encoded;
    try {
      encoded =
          encoding.encodeForQueue(event, kind, identity, eventId, timestamp, seq.getAndIncrement());
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
    return TrackResult.queued(eventId);
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

  private static String identityField(Event event, IdentityHint.Kind kind) {
    return switch (kind) {
      case DEVELOPER_USER_ID -> event.developerUserId();
      case ANONYMOUS_ID -> event.anonymousId();
      case CROSSDECK_CUSTOMER_ID -> event.crossdeckCustomerId();
    };
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
