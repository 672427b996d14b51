package com.crossdeck.client.internal.delivery;

import com.crossdeck.client.FlushResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A position in the event queue that a {@code flush()} waits for.
 *
 * <p>It is queued behind every event accepted before the flush started, so when the sender reaches
 * it (and has resolved the batch before it) exactly those events have been delivered or dropped.
 * Concurrent flushes each queue their own marker; none of them can make a batch go out twice.
 */
final class FlushMarker {

  private final CompletableFuture<FlushResult> done = new CompletableFuture<>();
  private final long startNanos;
  private final long sentAtStart;
  private final long droppedAtStart;

  FlushMarker(long startNanos, long sentAtStart, long droppedAtStart) {
    this.startNanos = startNanos;
    this.sentAtStart = sentAtStart;
    this.droppedAtStart = droppedAtStart;
  }

  CompletableFuture<FlushResult> future() {
    return done;
  }

  /** Completes the flush from the counters now; later calls are ignored. */
  void complete(boolean completed, DeliveryStats stats, long remaining, long nowNanos) {
    done.complete(
        new FlushResult(
            completed,
            stats.sent() - sentAtStart,
            stats.droppedTotal() - droppedAtStart,
            remaining,
            Duration.ofNanos(nowNanos - startNanos)));
  }
}
