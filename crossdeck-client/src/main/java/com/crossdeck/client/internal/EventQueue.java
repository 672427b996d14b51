package com.crossdeck.client.internal;

import com.crossdeck.client.CrossdeckClock;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded queue between {@code track()} callers and the sender thread.
 *
 * <p>Lock-free on both sides: callers never wait for the sender, whatever it is doing. It is
 * bounded by event count and by bytes; when either bound is hit the <em>oldest</em> events make
 * room (the newest events are the ones an operator is most likely looking for), and each eviction
 * is counted. Flush markers ride in the same queue so a flush waits exactly for the events queued
 * before it; they do not count against the bounds.
 *
 * <p>The sender releases the events of a batch from the counts in one update after taking them, so
 * while it is taking a batch the counts can include up to one batch it already holds; at the bound
 * that can make producers evict up to one batch more than strictly needed. The price buys producers
 * counters the sender touches once per batch rather than once per event.
 */
final class EventQueue {

  private final Queue<Object> items = new ConcurrentLinkedQueue<>();
  private final Queue<FlushMarker> orphanedMarkers = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicInteger evictedSinceReport = new AtomicInteger();
  private final int maxEvents;
  private final long maxBytes;
  private final CrossdeckClock clock;
  private volatile long firstEnqueuedNanos;

  EventQueue(int maxEvents, long maxBytes, CrossdeckClock clock) {
    this.maxEvents = maxEvents;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  /**
   * Adds an event, evicting the oldest ones when a bound is exceeded.
   *
   * @param event the encoded event
   * @return the queue size after adding, before evictions
   */
  int offer(byte[] event) {
    int newSize = size.incrementAndGet();
    long newBytes = bytes.addAndGet(event.length);
    if (newSize == 1) {
      // Only the empty-to-non-empty transition reads the clock: it starts the flush interval.
      firstEnqueuedNanos = clock.nanoTime();
    }
    items.offer(event);
    if (newSize > maxEvents || newBytes > maxBytes) {
      evictOldest();
    }
    return newSize;
  }

  private void evictOldest() {
    while (size.get() > maxEvents || bytes.get() > maxBytes) {
      Object oldest = items.poll();
      if (oldest == null) {
        return;
      }
      if (oldest instanceof FlushMarker marker) {
        // Everything queued before it is gone, but the sender may still hold an older batch;
        // it completes the marker once that batch is resolved.
        orphanedMarkers.offer(marker);
        continue;
      }
      release((byte[]) oldest);
      evictedSinceReport.incrementAndGet();
    }
  }

  /** Queues a flush marker behind every event offered so far. */
  void offerMarker(FlushMarker marker) {
    items.offer(marker);
  }

  /**
   * Takes the oldest item: an encoded event ({@code byte[]}), a {@link FlushMarker}, or null. The
   * caller must {@link #release} the events it takes: the sender releases a whole batch with one
   * update instead of one per event, which keeps it off the counters the producers write.
   */
  Object poll() {
    return items.poll();
  }

  /** Stops counting taken events against the bounds. */
  void release(int events, long eventBytes) {
    if (events > 0) {
      size.addAndGet(-events);
      bytes.addAndGet(-eventBytes);
    }
  }

  private void release(byte[] event) {
    release(1, event.length);
  }

  /** Markers whose position was evicted; see {@link #evictOldest()}. */
  FlushMarker pollOrphanedMarker() {
    return orphanedMarkers.poll();
  }

  /** The number of events evicted since the last call, resetting the count. */
  int takeEvictedCount() {
    return evictedSinceReport.getAndSet(0);
  }

  /** The number of queued events. */
  int size() {
    return Math.max(0, size.get());
  }

  /** The bytes held by queued events. */
  long bytes() {
    return Math.max(0, bytes.get());
  }

  /** When the queue last went from empty to non-empty, on the producers' clock. */
  long firstEnqueuedNanos() {
    return firstEnqueuedNanos;
  }

  int maxEvents() {
    return maxEvents;
  }

  long maxBytes() {
    return maxBytes;
  }
}
