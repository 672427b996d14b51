package com.crossdeck.client;

import com.crossdeck.client.internal.TrackResults;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What {@link CrossdeckServer#track(Event)} did with an event.
 *
 * <p>A queued event will be delivered in the background; a rejected one was never queued, and
 * {@link #errorCode()} and {@link #message()} say why (the message names the field and the limit).
 * Immutable and thread-safe.
 */
public final class TrackResult {

  /** Where a generated id starts in an encoded event: after {@code {"eventId":"}. */
  private static final int ENCODED_ID_OFFSET = "{\"eventId\":\"".length();

  static {
    TrackResults.register(TrackResult::new);
  }

  private final boolean queued;
  private final String errorCode;
  private final String message;
  private final byte[] encodedEvent;
  private volatile String eventId;

  private TrackResult(boolean queued, String eventId, String errorCode, String message) {
    this.queued = queued;
    this.eventId = eventId;
    this.errorCode = errorCode;
    this.message = message;
    this.encodedEvent = null;
  }

  /**
   * A queued event whose id the SDK generated straight into its encoded bytes. The id string is
   * built only if asked for: most callers never look, and building it for every event showed on the
   * hot path.
   */
  private TrackResult(byte[] encodedEvent) {
    this.queued = true;
    this.errorCode = null;
    this.message = null;
    this.encodedEvent = encodedEvent;
  }

  /** A result for an event accepted into the queue under the given id. */
  public static TrackResult queued(String eventId) {
    return new TrackResult(true, Objects.requireNonNull(eventId, "eventId"), null, null);
  }

  /** A result for an event that was not queued. */
  public static TrackResult rejected(String errorCode, String message) {
    return new TrackResult(false, null, errorCode, message);
  }

  /** Whether the event was accepted into the delivery queue. */
  public boolean queued() {
    return queued;
  }

  /** Whether the event was rejected. */
  public boolean rejected() {
    return !queued;
  }

  /** The event's id (the caller's, or the one the SDK generated); {@code null} when rejected. */
  public String eventId() {
    String id = eventId;
    if (id == null && encodedEvent != null) {
      int end = ENCODED_ID_OFFSET;
      while (encodedEvent[end] != '"') {
        end++;
      }
      id =
          new String(
              encodedEvent,
              ENCODED_ID_OFFSET,
              end - ENCODED_ID_OFFSET,
              StandardCharsets.ISO_8859_1);
      eventId = id;
    }
    return id;
  }

  /** Why the event was rejected, one of {@link ErrorCodes}; {@code null} when queued. */
  public String errorCode() {
    return errorCode;
  }

  /** A human-readable reason naming the field and the limit; {@code null} when queued. */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrackResult that
        && queued == that.queued
        && Objects.equals(eventId(), that.eventId())
        && Objects.equals(errorCode, that.errorCode)
        && Objects.equals(message, that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(queued, eventId(), errorCode, message);
  }

  @Override
  public String toString() {
    return queued
        ? "TrackResult{queued, eventId=" + eventId() + '}'
        : "TrackResult{rejected, errorCode=" + errorCode + ", message=" + message + '}';
  }
}
