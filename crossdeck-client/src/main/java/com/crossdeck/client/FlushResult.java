package com.crossdeck.client;

import java.time.Duration;

/**
 * The outcome of {@link CrossdeckServer#flush(Duration)} or {@link
 * CrossdeckServer#close(Duration)}.
 *
 * <p>Which to check: {@link #allDelivered()} when the caller is about to tell someone the events
 * are safe (a webhook's 2xx, a job marked done): it is true only if nothing was dropped. {@link
 * #completed()} says only that nothing is still pending: events the server rejected, or that the
 * client dropped for another reason, count as resolved. {@link #dropped()} says how many were
 * dropped; the reasons are in {@link CrossdeckServer#diagnostics()} and the listeners' {@code
 * onEventsDropped}.
 *
 * @param completed whether every event queued when the call started was resolved (delivered, or
 *     dropped with a reason) before the timeout
 * @param sent events delivered while the call was waiting
 * @param dropped events dropped while the call was waiting, for any reason (rejected by the server,
 *     queue full, the client failing, or not delivered before {@code close} ended)
 * @param remaining events still queued or awaiting a retry when the call returned; after {@code
 *     close} these were dropped with reason {@link DropReason#SHUTDOWN}
 * @param elapsed how long the call took
 */
public record FlushResult(
    boolean completed, long sent, long dropped, long remaining, Duration elapsed) {

  /**
   * Whether every event queued when the call started was delivered: {@link #completed()} and none
   * {@link #dropped()}.
   */
  public boolean allDelivered() {
    return completed && dropped == 0;
  }
}
