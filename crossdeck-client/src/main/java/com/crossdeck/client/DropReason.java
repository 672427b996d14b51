package com.crossdeck.client;

/**
 * Why accepted events were dropped before reaching Crossdeck. Every drop is counted under one of
 * these reasons, logged, and reported to {@link CrossdeckListener#onEventsDropped}.
 */
public enum DropReason {
  /**
   * The queue hit {@code maxQueueSize} or {@code maxQueueBytes}, or the outbox its {@code maxRows}
   * or {@code maxBytes}; the oldest events made room.
   */
  QUEUE_FULL("queue_full"),
  /** The server rejected the batch permanently (a 4xx other than 408, 426 and 429). */
  REJECTED_BY_SERVER("rejected_by_server"),
  /** The server named this event as invalid (400 with an index); the rest were resent. */
  INVALID_EVENT("invalid_event"),
  /** A single event was too large for the server (413). */
  TOO_LARGE("too_large"),
  /** Events waited in the outbox longer than its {@code maxAge} and were deleted undelivered. */
  EXPIRED("expired"),
  /** The client was closed before the events could be delivered. */
  SHUTDOWN("shutdown"),
  /**
   * The client failed and can deliver nothing: its HTTP transport could not be created or cannot
   * run, or its sender thread could not continue. {@link Diagnostics.Delivery#failure()} says why.
   */
  CLIENT_FAILED("client_failed"),
  /** The application's before-send hook dropped the event (it returned {@code null}). */
  BEFORE_SEND("before_send"),
  /** The application's before-send hook threw; the event was dropped rather than sent unchecked. */
  BEFORE_SEND_FAILED("before_send_failed");

  private final String tag;

  DropReason(String tag) {
    this.tag = tag;
  }

  /** A stable lower-case name, suitable as a metric tag value. */
  public String tag() {
    return tag;
  }
}
