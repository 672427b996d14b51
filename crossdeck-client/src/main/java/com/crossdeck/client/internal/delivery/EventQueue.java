package com.crossdeck.client.internal.delivery;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.DropReason;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The bounded queue between {@code track()} callers and the sender thread.
 *
 * <p>Lock-free on both sides: callers never wait for the sender, whatever it is doing. It is
 * bounded by event count and by bytes; when either bound is hit the <em>oldest</em> events make
 * room (the newest events are the ones an operator is most likely looking for), and each eviction
 * is counted as a drop at once. Flush markers ride in the same queue so a flush waits exactly for
 * the events queued before it; they do not count against the bounds.
 *
 * <p><b>Closing.</b> One atomic word holds the closed bit, the number of events counted in and the
 * number of markers being offered. An offer first counts itself in, in a single atomic step that
 * also reads the closed bit: it either happens before {@link #close()}, and its item is then bound
 * to appear in the queue (nothing between counting in and adding can block or fail), or after, and
 * it is refused. {@link #drainClosed} therefore returns only once it has taken every item an offer
 * counted in: no event accepted before the close is ever left behind, and none is accepted after.
 * The event is counted as accepted before it becomes visible, so a drain that drops it always finds
 * it counted.
 *
 * <p>The sender releases the events of a batch from the counts in one update after taking them, so
 * while it is taking a batch the counts can include up to one batch it already holds; at the bound
 * that can make producers evict up to one batch more than strictly needed. The price buys producers
 * counters the sender touches once per batch rather than once per event.
 */
final class EventQueue {

  /** What {@link #offer} returns for a closed queue. */
  static final int REFUSED = -1;

  private static final long CLOSED = 1L << 62;
  private static final long MARKER = 1L << 32;
  private static final long EVENTS_MASK = MARKER - 1;
  private static final long MARKERS_MASK = (CLOSED - 1) & ~EVENTS_MASK;

  private final Queue<Object> items = new ConcurrentLinkedQueue<>();
  private final Queue<FlushMarker> orphanedMarkers = new ConcurrentLinkedQueue<>();
  private final AtomicLong state = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicInteger evictedSinceReport = new AtomicInteger();
  private final int maxEvents;
  private final long maxBytes;
  private final CrossdeckClock clock;
  private final DeliveryStats stats;
  private volatile long firstEnqueuedNanos;
  // Mirrors the closed bit for readers that only want to know: the state word changes with every
  // offer, and reading it from every track() would cost a cache miss where this costs none.
  private volatile boolean closed;

  EventQueue(int maxEvents, long maxBytes, CrossdeckClock clock, DeliveryStats stats) {
    this.maxEvents = maxEvents;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.stats = stats;
  }

  /**
   * Adds an event, evicting the oldest ones when a bound is exceeded. Never blocks, never throws.
   *
   * @param event the encoded event
   * @return the queue size after adding, before evictions; or {@link #REFUSED} when closed
   */
  int offer(byte[] event) {
    long before = state.getAndIncrement();
    if ((before & CLOSED) != 0) {
      state.getAndDecrement();
      return REFUSED;
    }
    stats.recordAccepted();
    int newSize = (int) (before & EVENTS_MASK) + 1;
    long newBytes = bytes.addAndGet(event.length);
    try {
      if (newSize == 1) {
        // Only the empty-to-non-empty transition reads the clock: it starts the flush interval.
        firstEnqueuedNanos = clock.nanoTime();
      }
      items.offer(event);
    } catch (Throwable e) {
      // Out of memory for the queue's node (or a clock that throws): the event was accepted and
      // could not be held, which is what an eviction is.
      bytes.addAndGet(-event.length);
      state.getAndDecrement();
      stats.recordDropped(DropReason.QUEUE_FULL, 1);
      evictedSinceReport.incrementAndGet();
      return newSize;
    }
    if (newSize > maxEvents || newBytes > maxBytes) {
      evictOldest();
    }
    return newSize;
  }

  private void evictOldest() {
    while (size() > maxEvents || bytes.get() > maxBytes) {
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
      release(1, ((byte[]) oldest).length);
      stats.recordDropped(DropReason.QUEUE_FULL, 1);
      evictedSinceReport.incrementAndGet();
    }
  }

  /**
   * Queues a flush marker behind every event offered so far.
   *
   * @return false, queueing nothing, when the queue is closed
   */
  boolean offerMarker(FlushMarker marker) {
    long before = state.getAndAdd(MARKER);
    try {
      if ((before & CLOSED) != 0) {
        return false;
      }
      items.offer(marker);
      return true;
    } finally {
      state.getAndAdd(-MARKER);
    }
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
      state.getAndAdd(-events);
      bytes.addAndGet(-eventBytes);
    }
  }

  /** Refuses every later offer. Idempotent. */
  void close() {
    state.getAndUpdate(current -> current | CLOSED);
    closed = true;
  }

  /**
   * Whether {@link #close()} was called; a hint for callers that can skip work: only {@link #offer}
   * decides.
   */
  boolean isClosed() {
    return closed;
  }

  /**
   * After {@link #close()}: takes every item left, including those of offers still completing,
   * hands each marker to {@code markers} and releases the events.
   *
   * @return the number of events taken
   */
  long drainClosed(Consumer<FlushMarker> markers) {
    long events = 0;
    while (true) {
      Object item = items.poll();
      if (item == null && (state.get() & (EVENTS_MASK | MARKERS_MASK)) == 0) {
        // Every counted offer has added its item; one more look catches the last of them.
        item = items.poll();
        if (item == null) {
          return events;
        }
      }
      if (item == null) {
        // An offer counted itself in and is about to add its item; it cannot block.
        Thread.onSpinWait();
      } else if (item instanceof FlushMarker marker) {
        markers.accept(marker);
      } else {
        release(1, ((byte[]) item).length);
        events++;
      }
    }
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
    return (int) Math.max(0, state.get() & EVENTS_MASK);
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
