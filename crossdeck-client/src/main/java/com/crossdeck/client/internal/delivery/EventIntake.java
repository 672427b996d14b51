package com.crossdeck.client.internal.delivery;

import com.crossdeck.client.BeforeSendHook;
import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.DropReason;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHint;
import com.crossdeck.client.TrackResult;
import com.crossdeck.client.internal.ApiContract;
import com.crossdeck.client.internal.encoding.EventEncoder;
import com.crossdeck.client.internal.encoding.EventRules;
import com.crossdeck.client.internal.enrichment.SuperProperties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code track()} path, in two parts. First the event is validated, its identity picked and its
 * bytes encoded, once; this may run the application's code (the identity fallback, property
 * getters) and may take as long as that code does. Then it is published: one non-blocking offer to
 * the queue, which either counts it in before the queue closes or refuses it, never anything in
 * between (see {@link EventQueue}). So a {@code track()} racing {@code close()} returns {@code
 * queued} only for an event the close will deliver or count as dropped. With a {@link DurableQueue}
 * (the outbox), the event is offered to it first, and queued in memory only if it cannot take it.
 *
 * <p>Before that, the application's {@link BeforeSendHook} (if any) sees the event and may change
 * or drop it; a dropped event is counted as accepted and dropped at once, so the accounting
 * identity holds. Encoding merges the super-properties and groups of the moment, read from one
 * immutable snapshot: {@code track()} takes no lock for them.
 *
 * <p>It mirrors the server's validation so that one bad event is refused here, alone, instead of
 * making the server reject a whole batch. It never throws and never blocks on the SDK: a refused
 * event gets a {@link TrackResult} naming the field and the limit, a counter, a listener callback,
 * and one log line per reason for the lifetime of the client. Thread-safe.
 */
public final class EventIntake {

  /**
   * The logger, looked up when something is logged: setting up the logging system costs up to 100
   * ms in a fresh JVM, which {@code build()} must not pay.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(EventIntake.class);
  }

  private final EventEncoder encoder;
  private final EventQueue queue;
  private final DurableQueue durable;
  private final BatchSender sender;
  private final DeliveryStats stats;
  private final Listeners listeners;
  private final CrossdeckClock clock;
  private final Supplier<IdentityHint> identityFallback;
  private final BeforeSendHook beforeSend;
  private final SuperProperties superProperties;
  private final Consumer<Event> onQueued;
  private final String missingIdentityAdvice;
  private final AtomicLong seq = new AtomicLong();
  private final LogThrottle once;
  private final Supplier<IdentityHint> safeFallback = this::fallbackIdentity;

  EventIntake(
      EventEncoder encoder,
      EventQueue queue,
      DurableQueue durable,
      BatchSender sender,
      DeliveryStats stats,
      Listeners listeners,
      CrossdeckClock clock,
      Supplier<IdentityHint> identityFallback,
      BeforeSendHook beforeSend,
      SuperProperties superProperties,
      Consumer<Event> onQueued,
      String missingIdentityAdvice) {
    this.encoder = encoder;
    this.queue = queue;
    this.durable = durable;
    this.sender = sender;
    this.stats = stats;
    this.listeners = listeners;
    this.clock = clock;
    this.identityFallback = identityFallback;
    this.beforeSend = beforeSend;
    this.superProperties = superProperties;
    this.onQueued = onQueued;
    this.missingIdentityAdvice = missingIdentityAdvice;
    this.once = new LogThrottle(clock, Long.MAX_VALUE);
  }

  /** See {@code CrossdeckServer.track}: the application's hook, then {@link #enqueue}. */
  public TrackResult track(Event event) {
    if (beforeSend == null || event == null) {
      return enqueue(event);
    }
    if (queue.isClosed()) {
      return refuseClosed(event);
    }
    Event toSend;
    try {
      toSend = beforeSend.beforeSend(event);
    } catch (Throwable e) {
      return dropBeforeQueue(event.name(), event.eventId(), DropReason.BEFORE_SEND_FAILED, e);
    }
    if (toSend == null) {
      return dropBeforeQueue(event.name(), event.eventId(), DropReason.BEFORE_SEND, null);
    }
    return enqueue(toSend);
  }

  /**
   * Validates, encodes and queues an event without the application's before-send hook: for events
   * the SDK makes itself ({@code sdk.boot}) and captured errors, which have a hook of their own.
   */
  public TrackResult enqueue(Event event) {
    if (queue.isClosed()) {
      return refuseClosed(event);
    }
    long now = clock.currentTimeMillis();
    EventRules.Checked checked;
    try {
      checked = EventRules.check(event, safeFallback, now, false);
    } catch (EventRules.Violation violation) {
      return reject(violation.code(), messageOf(violation));
    }
    long timestamp = event.timestamp() != null ? event.timestamp() : now;
    EventEncoder.Encoding encoding = encoder.forCurrentThread();
    byte[] encoded;
    CharSequence generatedId;
    try {
      encoded =
          encoding.encodeForQueue(
              event,
              checked.identityKind(),
              checked.identity(),
              checked.eventId(),
              timestamp,
              seq.getAndIncrement(),
              superProperties.current());
      generatedId = encoding.generatedEventId(encoded);
    } catch (Throwable e) {
      // Application code ran during encoding (a getter, an iterator); whatever it threw stays here.
      return reject(
          ErrorCodes.SERIALIZATION_FAILED,
          "Event '" + event.name() + "' could not be serialized: " + e.getClass().getSimpleName());
    }
    if (encoding.truncated() || encoding.droppedKeys() > 0 || encoding.numbersAsStrings() > 0) {
      noteCoercion(event.name(), encoding);
    }
    DurableQueue.Offer offer =
        durable == null ? DurableQueue.Offer.DECLINED : durable.offer(encoded);
    if (offer == DurableQueue.Offer.REFUSED) {
      return reject(
          ErrorCodes.OUTBOX_TRANSACTION_FULL,
          "Event '"
              + event.name()
              + "' was not tracked: its transaction already holds "
              + durable.transactionLimit()
              + ", the most the outbox keeps for one transaction until it commits.");
    }
    if (offer == DurableQueue.Offer.DECLINED) {
      int size = queue.offer(encoded);
      if (size == EventQueue.REFUSED) {
        return refuseClosed(event);
      }
      sender.onEventQueued(size);
    }
    if (onQueued != null) {
      onQueued.accept(event);
    }
    return generatedId != null
        ? TrackResult.queued(generatedId)
        : TrackResult.queued(checked.eventId());
  }

  /**
   * Counts an event accepted and dropped before the queue (by a before-send hook), logs the first
   * drop of each reason and reports it to listeners.
   *
   * @param name the event's name, for the log
   * @param eventId the event's own id, or {@code null}
   * @param reason {@link DropReason#BEFORE_SEND} or {@link DropReason#BEFORE_SEND_FAILED}
   * @param failure what the hook threw, or {@code null}
   */
  public TrackResult dropBeforeQueue(
      String name, String eventId, DropReason reason, Throwable failure) {
    stats.recordAcceptedAndDropped(reason);
    String message =
        failure == null
            ? "The before-send hook dropped event '" + name + "'."
            : "The before-send hook threw "
                + failure.getClass().getName()
                + " for event '"
                + name
                + "'; the event was dropped rather than sent unchecked.";
    if (once.shouldLog("drop:" + reason.tag())) {
      if (failure == null) {
        log()
            .info(
                "{} Events a before-send hook drops are counted"
                    + " (crossdeck.events.dropped{{reason=before_send}}) and not logged again.",
                message);
      } else {
        log()
            .warn(
                "{} Later failures are counted (crossdeck.events.dropped{{reason=before_send_failed}})"
                    + " and not logged again.",
                message,
                failure);
      }
    }
    listeners.eventsDropped(new CrossdeckListener.EventsDropped(1, reason));
    return TrackResult.dropped(
        eventId == null || eventId.isBlank() ? null : eventId, reason, message);
  }

  /** A missing identity is the first rejection most applications meet: say how to fix it. */
  private String messageOf(EventRules.Violation violation) {
    return ErrorCodes.MISSING_IDENTITY.equals(violation.code())
        ? violation.getMessage() + " " + missingIdentityAdvice
        : violation.getMessage();
  }

  private TrackResult refuseClosed(Event event) {
    String name = event == null ? null : event.name();
    String failure = stats.failure();
    if (failure != null) {
      return reject(
          ErrorCodes.CLIENT_FAILED,
          "The Crossdeck client has failed and accepts no events ("
              + failure
              + "); event '"
              + name
              + "' was not queued.");
    }
    return reject(
        ErrorCodes.CLIENT_CLOSED,
        "The Crossdeck client is closed; event '" + name + "' was not queued.");
  }

  private void noteCoercion(String name, EventEncoder.Encoding encoding) {
    stats.recordEncoding(encoding.truncated(), encoding.droppedKeys());
    if (encoding.truncated() && once.shouldLog("truncated")) {
      log()
          .warn(
              "Crossdeck event '{}' had more than {} bytes of properties; its largest keys were removed"
                  + " and __truncated=true added. Later truncations are only counted.",
              name,
              ApiContract.MAX_PROPERTIES_BYTES);
    }
    if (encoding.droppedKeys() > 0 && once.shouldLog("dropped_property")) {
      log()
          .warn(
              "Crossdeck event '{}' had {} property value(s) that could not be converted to JSON (or a"
                  + " null key); those keys were dropped and the event kept. Later drops are only"
                  + " counted.",
              name,
              encoding.droppedKeys());
    }
    if (encoding.numbersAsStrings() > 0 && once.shouldLog("number_as_string")) {
      log()
          .warn(
              "Crossdeck event '{}' had a number longer than {} characters; JSON parsers refuse such"
                  + " numbers, so it was sent as a string of the same digits. Later ones are not"
                  + " logged.",
              name,
              ApiContract.MAX_NUMBER_CHARS);
    }
  }

  private IdentityHint fallbackIdentity() {
    if (identityFallback == null) {
      return null;
    }
    try {
      return identityFallback.get();
    } catch (Throwable e) {
      if (once.shouldLog("fallback_failed")) {
        log().warn("Crossdeck identityFallback threw; treating the event as having no identity", e);
      }
      return null;
    }
  }

  private TrackResult reject(String code, String message) {
    stats.recordRejected(code);
    if (once.shouldLog("rejected:" + code)) {
      log()
          .warn(
              "Crossdeck rejected an event: {} Further '{}' rejections are counted"
                  + " (crossdeck.events.rejected) but not logged.",
              message,
              code);
    }
    listeners.eventRejected(new CrossdeckListener.EventRejected(code, message));
    return TrackResult.rejected(code, message);
  }
}
