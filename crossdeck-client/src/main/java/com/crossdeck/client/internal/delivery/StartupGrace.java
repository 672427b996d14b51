package com.crossdeck.client.internal.delivery;

import java.time.Duration;

/**
 * Whether the application has had time to start, for work the sender does before anything waits for
 * it (building the JSON mapper). Such work started while the application is still starting shares
 * its CPU: on a small machine that delays the application's start by about as much as the work
 * costs. It is over once events flow (the application runs, and its first events have already paid
 * for the transport), or once the grace period has passed. Confined to the sender thread.
 */
final class StartupGrace {

  private final long endNanos;
  private boolean eventsFlowed;

  /**
   * @param startNanos when the client started, on the client's clock
   * @param grace how long an application that tracks nothing is left to start
   */
  StartupGrace(long startNanos, Duration grace) {
    this.endNanos = startNanos + grace.toNanos();
  }

  /** The sender took its first batch. */
  void eventsFlowed() {
    eventsFlowed = true;
  }

  /** Whether work nothing waits for may run now. */
  boolean isOver(long nowNanos) {
    return eventsFlowed || nowNanos - endNanos >= 0;
  }
}
