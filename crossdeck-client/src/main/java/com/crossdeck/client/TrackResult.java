package com.crossdeck.client;

import java.util.Objects;

/**
 * What {@link CrossdeckServer#track(Event)} did with an event.
 *
 * <p>A queued event will be delivered in the background, or counted as dropped with a reason if it
 * cannot be; a rejected one was never queued, and {@link #errorCode()} and {@link #message()} say
 * why (the message names the field and the limit). A dropped one was accepted and then dropped by
 * the application's before-send hook: it is counted among accepted and dropped events, with {@link
 * #dropReason()}, and never sent. Immutable and thread-safe.
 */
public final class TrackResult {

  private final boolean queued;
  private final String errorCode;
  private final String message;
  private final CharSequence id;
  private final DropReason dropReason;
  private volatile String eventId;

  private TrackResult(
      boolean queued, CharSequence id, String errorCode, String message, DropReason dropReason) {
    this.queued = queued;
    this.id = id;
    this.errorCode = errorCode;
    this.message = message;
    this.dropReason = dropReason;
  }

  /** A result for an event accepted into the queue under the given id. */
  public static TrackResult queued(String eventId) {
    return new TrackResult(true, Objects.requireNonNull(eventId, "eventId"), null, null, null);
  }

  /**
   * A result for an event accepted into the queue under the given id, whose text is read only when
   * {@link #eventId()} is called. The SDK passes a view of the id it generated into the event's
   * encoded bytes: most callers never look at the id, and building a string for every event showed
   * on the hot path. The characters must not change afterwards.
   */
  public static TrackResult queued(CharSequence eventId) {
    return new TrackResult(true, Objects.requireNonNull(eventId, "eventId"), null, null, null);
  }

  /** A result for an event that was not queued. */
  public static TrackResult rejected(String errorCode, String message) {
    return new TrackResult(false, null, errorCode, message, null);
  }

  /**
   * A result for an event that was accepted and then dropped before the queue, by the application's
   * before-send hook.
   *
   * @param eventId the event's own id, or {@code null} when it had none
   * @param reason {@link DropReason#BEFORE_SEND} or {@link DropReason#BEFORE_SEND_FAILED}
   * @param message what happened
   */
  public static TrackResult dropped(String eventId, DropReason reason, String message) {
    return new TrackResult(false, eventId, null, message, Objects.requireNonNull(reason, "reason"));
  }

  /** Whether the event was accepted into the delivery queue. */
  public boolean queued() {
    return queued;
  }

  /** Whether the event was rejected: refused before it was accepted, with an error code. */
  public boolean rejected() {
    return !queued && dropReason == null;
  }

  /** Whether the event was accepted and then dropped by the application's before-send hook. */
  public boolean dropped() {
    return dropReason != null;
  }

  /** Why the event was dropped; {@code null} unless {@link #dropped()}. */
  public DropReason dropReason() {
    return dropReason;
  }

  /**
   * The event's id (the caller's, or the one the SDK generated); {@code null} when rejected, and
   * when dropped without an id of its own.
   */
  public String eventId() {
    String text = eventId;
    if (text == null && id != null) {
      text = id.toString();
      eventId = text;
    }
    return text;
  }

  /** Why the event was rejected, one of {@link ErrorCodes}; {@code null} when queued. */
  public String errorCode() {
    return errorCode;
  }

  /**
   * A human-readable reason naming the field and the limit when rejected, or what dropped the
   * event; {@code null} when queued.
   */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrackResult that
        && queued == that.queued
        && Objects.equals(eventId(), that.eventId())
        && Objects.equals(errorCode, that.errorCode)
        && Objects.equals(message, that.message)
        && dropReason == that.dropReason;
  }

  @Override
  public int hashCode() {
    return Objects.hash(queued, eventId(), errorCode, message, dropReason);
  }

  @Override
  public String toString() {
    if (queued) {
      return "TrackResult{queued, eventId=" + eventId() + '}';
    }
    return dropReason != null
        ? "TrackResult{dropped, reason=" + dropReason.tag() + ", message=" + message + '}'
        : "TrackResult{rejected, errorCode=" + errorCode + ", message=" + message + '}';
  }
}
