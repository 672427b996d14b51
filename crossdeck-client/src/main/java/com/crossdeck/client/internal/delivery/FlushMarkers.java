package com.crossdeck.client.internal.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sender's bookkeeping of flush markers: how many are still in the queue (so the sender hurries
 * while one waits), and which it has reached and will complete once the batch before them is
 * resolved. Apart from {@link #anyQueued()} and {@link #queued()}, used by the sender thread only.
 */
final class FlushMarkers {

  private final AtomicInteger queued = new AtomicInteger();
  private final List<FlushMarker> reached = new ArrayList<>();
  private final EventQueue queue;
  private final DeliveryStats stats;

  FlushMarkers(EventQueue queue, DeliveryStats stats) {
    this.queue = queue;
    this.stats = stats;
  }

  /** Queues a marker behind every event offered so far; false when the queue is closed. */
  boolean queued(FlushMarker marker) {
    queued.incrementAndGet();
    if (queue.offerMarker(marker)) {
      return true;
    }
    queued.decrementAndGet();
    return false;
  }

  /** Whether a flush is waiting for events still in the queue. */
  boolean anyQueued() {
    return queued.get() > 0;
  }

  /** The sender took {@code marker} from the queue. */
  void reached(FlushMarker marker) {
    queued.decrementAndGet();
    reached.add(marker);
  }

  /**
   * Completes every reached marker, and every marker whose position the queue evicted, with the
   * counters now.
   */
  void completeReached(boolean completed, long remaining, long nowNanos) {
    for (FlushMarker orphan = queue.pollOrphanedMarker();
        orphan != null;
        orphan = queue.pollOrphanedMarker()) {
      queued.decrementAndGet();
      reached.add(orphan);
    }
    for (FlushMarker marker : reached) {
      marker.complete(completed, stats, remaining, nowNanos);
    }
    reached.clear();
  }
}
