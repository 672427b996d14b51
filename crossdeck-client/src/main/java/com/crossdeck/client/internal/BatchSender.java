package com.crossdeck.client.internal;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.FlushResult;
import com.crossdeck.client.transport.TransportResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one daemon thread ({@code crossdeck-sender}) that turns queued events into HTTP batches.
 *
 * <p>A batch goes out when {@code batchSize} events are waiting, when the oldest has waited the
 * flush interval, on {@code flush()}, and while closing. Exactly one request is in flight, so
 * events leave in the order they were queued and a batch being retried always goes before newer
 * events. What happens to a response is decided by {@link DeliveryOutcomes}; this class owns the
 * loop, the waiting and the unsent batches. Callers only touch lock-free structures, so {@code
 * track()} never waits for this thread.
 */
public final class BatchSender {

  /** The server's hard limit on events per request. */
  static final int MAX_EVENTS_PER_REQUEST = 100;

  /** Bodies stay under the server's 1 MB limit, whichever definition of a megabyte it uses. */
  static final int MAX_BODY_BYTES = 1_000_000;

  static final String EVENTS_PATH = "/events";

  private static final Logger log = LoggerFactory.getLogger(BatchSender.class);

  private final EventQueue queue;
  private final ApiClient api;
  private final Envelope envelope;
  private final DeliveryStats stats;
  private final CrossdeckClock clock;
  private final RandomGenerator random;
  private final DeliveryOutcomes outcomes;
  private final int batchSize;
  private final long intervalNanos;
  private final Thread thread;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final AtomicInteger queuedMarkers = new AtomicInteger();

  private final Deque<Batch> unsent = new ArrayDeque<>();
  private final JsonWriter body = new JsonWriter(64 * 1024);
  private final List<FlushMarker> reachedMarkers = new ArrayList<>();
  private byte[] carryOver;
  private long nextAttemptNanos;

  private volatile boolean sleeping;
  private volatile boolean takingBatch;
  private volatile boolean closing;
  private volatile long closeDeadlineNanos = Long.MAX_VALUE;

  BatchSender(
      EventQueue queue,
      ApiClient api,
      Envelope envelope,
      DeliveryStats stats,
      DeliveryOutcomes outcomes,
      CrossdeckClock clock,
      RandomGenerator random,
      int batchSize,
      Duration interval) {
    this.queue = queue;
    this.api = api;
    this.envelope = envelope;
    this.stats = stats;
    this.outcomes = outcomes;
    this.clock = clock;
    this.random = random;
    this.batchSize = batchSize;
    this.intervalNanos = interval.toNanos();
    this.thread = new Thread(this::run, "crossdeck-sender");
    thread.setDaemon(true);
    thread.setContextClassLoader(null);
  }

  void start() {
    thread.start();
  }

  /**
   * Called by a producer after offering; wakes the sender only for a full batch. An idle sender
   * wakes by itself every interval and finds the first event's time in the queue, so a lone event
   * still leaves one interval after it arrived, and producers never pay for a wake-up per event.
   */
  void onEventQueued(int queueSize) {
    if (queueSize >= batchSize && sleeping) {
      LockSupport.unpark(thread);
    }
  }

  /** Asks for everything queued so far to be sent now; completes when it has been resolved. */
  CompletableFuture<FlushResult> flush() {
    FlushMarker marker = new FlushMarker(clock.nanoTime(), stats.sent());
    queuedMarkers.incrementAndGet();
    queue.offerMarker(marker);
    LockSupport.unpark(thread);
    return marker.future();
  }

  /** Stops the loop once everything is sent or the deadline passes, whichever comes first. */
  void beginClose(long deadlineNanos) {
    closeDeadlineNanos = deadlineNanos;
    closing = true;
    LockSupport.unpark(thread);
  }

  /** Waits for the loop to end; interrupts a request still running after the wait. */
  boolean awaitTermination(Duration timeout) throws InterruptedException {
    if (terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return true;
    }
    thread.interrupt();
    return terminated.await(200, TimeUnit.MILLISECONDS);
  }

  /**
   * Whether any event is queued or not yet resolved. The reads are ordered against {@link
   * #takeBatch()}: an event polled from the queue is either still counted by the queue, or the
   * sender is visibly taking a batch, or it is counted in flight.
   */
  boolean idle() {
    return queue.size() == 0 && stats.inFlight == 0 && !takingBatch;
  }

  private void run() {
    try {
      while (true) {
        try {
          outcomes.reportEvictions(queue.takeEvictedCount());
          if (unsent.isEmpty()) {
            completeReachedMarkers(true);
          }
          if (closing
              && (nothingLeft() || stats.parked || clock.nanoTime() >= closeDeadlineNanos)) {
            break;
          }
          step();
        } catch (RuntimeException | LinkageError e) {
          // The loop must outlive any bug below it, or every later event would be stranded.
          log.error("Crossdeck sender hit an unexpected error; it keeps running", e);
        }
      }
    } finally {
      shutDown();
      terminated.countDown();
    }
  }

  private void step() {
    if (stats.parked) {
      waitUntil(closeDeadlineNanos, Wake.CLOSE_ONLY);
      return;
    }
    if (!unsent.isEmpty()) {
      if (clock.nanoTime() < nextAttemptNanos) {
        waitUntil(Math.min(nextAttemptNanos, closeDeadlineNanos), Wake.CLOSE_ONLY);
      } else {
        deliverFirst();
      }
      return;
    }
    int waiting = queue.size();
    boolean urgent =
        carryOver != null || closing || queuedMarkers.get() > 0 || waiting >= batchSize;
    if (!urgent) {
      long now = clock.nanoTime();
      long deadline =
          waiting == 0 ? now + intervalNanos : queue.firstEnqueuedNanos() + intervalNanos;
      if (waiting == 0 || now < deadline) {
        waitUntil(deadline, Wake.FULL_BATCH);
        return;
      }
    }
    takingBatch = true;
    try {
      Batch batch = takeBatch();
      if (batch != null) {
        unsent.addLast(batch);
      }
      updateInFlight();
    } finally {
      takingBatch = false;
    }
    if (!unsent.isEmpty()) {
      deliverFirst();
    }
  }

  /**
   * Takes the next batch: {@code batchSize} events normally, but up to the server's limit of 100
   * when at least two batches' worth are waiting. Such a backlog (a burst, or the events that piled
   * up during an outage) is already late; catching up in full requests cuts the number of round
   * trips by up to five times, and with it the time until the backlog is delivered.
   */
  private Batch takeBatch() {
    int limit =
        queue.size() >= 2 * batchSize
            ? MAX_EVENTS_PER_REQUEST
            : Math.min(batchSize, MAX_EVENTS_PER_REQUEST);
    List<byte[]> events = new ArrayList<>(limit);
    long bodyBytes = envelope.fixedBytes();
    if (carryOver != null) {
      events.add(carryOver);
      bodyBytes += carryOver.length + envelope.perEventBytes();
      carryOver = null;
    }
    int taken = 0;
    long takenBytes = 0;
    while (events.size() < limit) {
      Object item = queue.poll();
      if (item == null) {
        break;
      }
      if (item instanceof FlushMarker marker) {
        queuedMarkers.decrementAndGet();
        reachedMarkers.add(marker);
        break;
      }
      byte[] event = (byte[]) item;
      taken++;
      takenBytes += event.length;
      long added = event.length + envelope.perEventBytes();
      if (!events.isEmpty() && bodyBytes + added > MAX_BODY_BYTES) {
        carryOver = event;
        break;
      }
      events.add(event);
      bodyBytes += added;
    }
    queue.release(taken, takenBytes);
    return events.isEmpty() ? null : new Batch(events, newKey());
  }

  private void deliverFirst() {
    Batch batch = unsent.peekFirst();
    long start = clock.nanoTime();
    CrossdeckException failure;
    try {
      TransportResponse response =
          api.post(
              EVENTS_PATH,
              envelope.body(batch.events(), body),
              batch.idempotencyKey(),
              api.timeout());
      failure = response.isSuccessful() ? null : api.errorFrom(response);
    } catch (IOException e) {
      failure = api.transportError(e, EVENTS_PATH);
    } catch (RuntimeException e) {
      // A custom transport that throws unchecked is treated like a network failure: retry.
      failure = api.transportError(new IOException(e.toString(), e), EVENTS_PATH);
    }
    Duration took = Duration.ofNanos(clock.nanoTime() - start);
    DeliveryOutcomes.Decision decision = outcomes.decide(batch, failure, took, this::newKey);
    unsent.pollFirst();
    for (int i = decision.resend().size() - 1; i >= 0; i--) {
      unsent.addFirst(decision.resend().get(i));
    }
    nextAttemptNanos = clock.nanoTime() + decision.delay().toNanos();
    updateInFlight();
  }

  private String newKey() {
    return Ids.batchKey(clock.currentTimeMillis(), random);
  }

  private void waitUntil(long deadlineNanos, Wake wakeOn) {
    sleeping = true;
    try {
      if (!hasNewWork(deadlineNanos, wakeOn)) {
        clock.awaitUntil(deadlineNanos);
      }
    } finally {
      sleeping = false;
    }
  }

  /** What may end a wait early besides its deadline. */
  private enum Wake {
    /** Waiting out the interval: a full batch, a flush or a close. */
    FULL_BATCH,
    /** A backoff or a park: only a close whose deadline comes sooner. */
    CLOSE_ONLY
  }

  /** Re-checked after announcing the sleep, so a producer's wake-up can never be missed. */
  private boolean hasNewWork(long deadlineNanos, Wake wakeOn) {
    if (closeDeadlineNanos < deadlineNanos) {
      return true;
    }
    return switch (wakeOn) {
      case FULL_BATCH -> closing || queuedMarkers.get() > 0 || queue.size() >= batchSize;
      case CLOSE_ONLY -> false;
    };
  }

  private boolean nothingLeft() {
    return unsent.isEmpty() && carryOver == null && queue.size() == 0 && queuedMarkers.get() == 0;
  }

  private void completeReachedMarkers(boolean completed) {
    long remaining = queue.size() + stats.inFlight;
    for (FlushMarker marker : reachedMarkers) {
      marker.complete(completed, stats.sent(), remaining, clock.nanoTime());
    }
    reachedMarkers.clear();
    for (FlushMarker orphan = queue.pollOrphanedMarker();
        orphan != null;
        orphan = queue.pollOrphanedMarker()) {
      orphan.complete(completed, stats.sent(), remaining, clock.nanoTime());
    }
  }

  private void updateInFlight() {
    int events = carryOver == null ? 0 : 1;
    for (Batch batch : unsent) {
      events += batch.size();
    }
    stats.inFlight = events;
  }

  /** After the loop ended: counts events queued too late to be sent as shutdown drops. */
  void dropLateArrivals() {
    long late = 0;
    for (Object item = queue.poll(); item != null; item = queue.poll()) {
      if (item instanceof FlushMarker marker) {
        queuedMarkers.decrementAndGet();
        marker.complete(false, stats.sent(), 0, clock.nanoTime());
      } else {
        late++;
        queue.release(1, ((byte[]) item).length);
      }
    }
    outcomes.reportShutdownDrops(late);
  }

  /** Drops whatever could not be sent before the close deadline and releases every flush. */
  private void shutDown() {
    long left = carryOver == null ? 0 : 1;
    carryOver = null;
    for (Batch batch : unsent) {
      left += batch.size();
    }
    unsent.clear();
    for (Object item = queue.poll(); item != null; item = queue.poll()) {
      if (item instanceof FlushMarker marker) {
        queuedMarkers.decrementAndGet();
        reachedMarkers.add(marker);
      } else {
        left++;
        queue.release(1, ((byte[]) item).length);
      }
    }
    updateInFlight();
    outcomes.reportEvictions(queue.takeEvictedCount());
    outcomes.reportShutdownDrops(left);
    completeReachedMarkers(left == 0);
  }
}
