package com.crossdeck.client;

/**
 * What {@link CrossdeckServer#track(Event)} did with an event.
 *
 * <p>A queued event will be delivered in the background; a rejected one was never queued, and
 * {@link #errorCode()} and {@link #message()} say why (the message names the field and the limit).
 *
 * @param queued whether the event was accepted into the delivery queue
 * @param eventId the event's id (the caller's, or the one the SDK generated); {@code null} when
 *     rejected
 * @param errorCode why the event was rejected, one of {@link ErrorCodes}; {@code null} when queued
 * @param message a human-readable reason; {@code null} when queued
 */
public record TrackResult(boolean queued, String eventId, String errorCode, String message) {

  /** A result for an event accepted into the queue. */
  public static TrackResult queued(String eventId) {
    return new TrackResult(true, eventId, null, null);
  }

  /** A result for an event that was not queued. */
  public static TrackResult rejected(String errorCode, String message) {
    return new TrackResult(false, null, errorCode, message);
  }

  /** Whether the event was rejected. */
  public boolean rejected() {
    return !queued;
  }
}
