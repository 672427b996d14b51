package com.crossdeck.client.internal.delivery;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.DropReason;
import com.crossdeck.client.FlushResult;
import com.crossdeck.client.internal.Lazy;
import com.crossdeck.client.internal.encoding.Envelope;
import com.crossdeck.client.internal.encoding.Ids;
import com.crossdeck.client.internal.encoding.Json;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one daemon thread ({@code crossdeck-sender}) that turns queued events into HTTP batches.
 *
 * <p>What delivery needs and {@code build()} should not wait for is created here, when first
 * needed: the HTTP transport and the runtime context before the first batch (events queue
 * meanwhile), the JSON mapper at the first idle moment once the application has started ({@link
 * StartupGrace}). An application that is still starting and has tracked nothing pays for none of
 * it. A batch goes out when {@code batchSize} events are waiting, when the oldest has waited the
 * flush interval, on {@code flush()}, and while closing. Exactly one request is in flight, so
 * events leave in the order they were queued and a batch being retried always goes before newer
 * events. What happens to a response is decided by {@link DeliveryOutcomes}; this class owns the
 * loop, the waiting and the unsent batches. Callers only touch lock-free structures, so {@code
 * track()} never waits for this thread.
 *
 * <p><b>It cannot die silently.</b> The loop survives anything thrown below it (recorded, logged,
 * retried after a short pause). It stops only when closed, or when it truly cannot continue: the
 * transport cannot be created or cannot run (found by this thread or, through {@link #fail}, by the
 * outbox relay), or the loop failed {@value #MAX_CONSECUTIVE_ERRORS} times in a row. Then the
 * client is <em>failed</em>: the reason is recorded, the queue is closed (so {@code track()}
 * refuses with {@code client_failed}), and everything still held is dropped and counted with reason
 * {@code client_failed}, completing every waiting flush.
 */
final class BatchSender {

  /**
   * The logger, looked up when something is logged: setting up the logging system costs up to 100
   * ms in a fresh JVM, which {@code build()} must not pay.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(BatchSender.class);
  }

  /** Unexpected errors in a row after which the loop gives up and the client fails. */
  static final int MAX_CONSECUTIVE_ERRORS = 5;

  private static final long ERROR_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final EventQueue queue;
  private final FlushMarkers markers;
  private final Batcher batcher;
  private final BatchDelivery delivery;
  private final DeliveryOutcomes outcomes;
  private final DeliveryStats stats;
  private final Lazy<Envelope> envelope;
  private final CrossdeckClock clock;
  private final RandomGenerator random;
  private final int batchSize;
  private final long intervalNanos;
  private final Thread thread;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final LogThrottle throttle;

  private final Deque<Batch> unsent = new ArrayDeque<>();
  private long nextAttemptNanos;
  private final StartupGrace startupGrace;
  private boolean mapperReady;

  private volatile boolean sleeping;
  private volatile boolean takingBatch;
  private volatile boolean closing;
  private volatile long closeDeadlineNanos = Long.MAX_VALUE;
  private volatile String failureFromOutside;

  BatchSender(
      EventQueue queue,
      FlushMarkers markers,
      BatchDelivery delivery,
      DeliveryOutcomes outcomes,
      DeliveryStats stats,
      Lazy<Envelope> envelope,
      CrossdeckClock clock,
      RandomGenerator random,
      int batchSize,
      Duration interval,
      Duration startupGrace) {
    this.queue = queue;
    this.markers = markers;
    this.delivery = delivery;
    this.outcomes = outcomes;
    this.stats = stats;
    this.envelope = envelope;
    this.clock = clock;
    this.random = random;
    this.batchSize = batchSize;
    this.intervalNanos = interval.toNanos();
    this.startupGrace = new StartupGrace(clock.nanoTime(), startupGrace);
    this.batcher = new Batcher(queue, markers, batchSize, this::newKey);
    this.throttle = new LogThrottle(clock, TimeUnit.MINUTES.toNanos(1));
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

  /**
   * Asks for everything queued so far to be sent now; completes when it has been resolved. Once the
   * queue is closed (the client closing, or failed) nothing more can be resolved, so the flush
   * completes at once with the state as it is.
   */
  CompletableFuture<FlushResult> flush() {
    FlushMarker marker = new FlushMarker(clock.nanoTime(), stats.sent(), stats.droppedTotal());
    if (markers.queued(marker)) {
      LockSupport.unpark(thread);
    } else {
      marker.complete(idle(), stats, pending(), clock.nanoTime());
    }
    return marker.future();
  }

  /** Makes the loop stop and the client fail for {@code reason}, found by another thread. */
  void fail(String reason) {
    failureFromOutside = reason;
    LockSupport.unpark(thread);
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
   * Batcher#take}: an event polled from the queue is either still counted by the queue, or the
   * sender is visibly taking a batch, or it is counted in flight.
   */
  boolean idle() {
    return queue.size() == 0 && stats.inFlight() == 0 && !takingBatch;
  }

  /** Events queued or not yet resolved. */
  long pending() {
    return (long) queue.size() + stats.inFlight();
  }

  private void run() {
    String failure = null;
    try {
      failure = loop();
    } catch (Throwable e) {
      failure = "the sender stopped on an unexpected error: " + describe(e);
    } finally {
      finish(failure);
      terminated.countDown();
    }
  }

  /**
   * Delivers until closed.
   *
   * @return why the client cannot continue, or {@code null} when it was closed
   */
  private String loop() {
    int errorsInARow = 0;
    while (true) {
      try {
        if (failureFromOutside != null) {
          return failureFromOutside;
        }
        outcomes.reportEvictions(queue.takeEvictedCount(), queue.maxEvents(), queue.maxBytes());
        if (unsent.isEmpty()) {
          markers.completeReached(true, pending(), clock.nanoTime());
        }
        if (closing
            && (nothingLeft() || stats.parked() || clock.nanoTime() >= closeDeadlineNanos)) {
          return null;
        }
        String failure = step();
        if (failure != null) {
          return failure;
        }
        errorsInARow = 0;
      } catch (Throwable e) {
        // The loop must outlive any bug below it, or every later event would be stranded.
        errorsInARow++;
        stats.recordSenderError(describe(e));
        if (errorsInARow >= MAX_CONSECUTIVE_ERRORS) {
          return "the sender failed " + errorsInARow + " times in a row, last with " + describe(e);
        }
        if (throttle.shouldLog("sender_error")) {
          log().error("Crossdeck sender hit an unexpected error; it keeps running", e);
        }
        LockSupport.parkNanos(this, ERROR_PAUSE_NANOS << errorsInARow);
      }
    }
  }

  /**
   * One turn of the loop: wait, or take a batch, or deliver one.
   *
   * @return why the client cannot continue, or {@code null}
   */
  private String step() {
    if (stats.parked()) {
      waitUntil(closeDeadlineNanos, Wake.CLOSE_ONLY);
      return null;
    }
    if (!unsent.isEmpty()) {
      if (clock.nanoTime() < nextAttemptNanos) {
        waitUntil(Math.min(nextAttemptNanos, closeDeadlineNanos), Wake.CLOSE_ONLY);
        return null;
      }
      return deliverFirst();
    }
    int waiting = queue.size();
    boolean urgent =
        batcher.holdsCarryOver() || closing || markers.anyQueued() || waiting >= batchSize;
    if (!urgent) {
      long now = clock.nanoTime();
      long deadline =
          waiting == 0 ? now + intervalNanos : queue.firstEnqueuedNanos() + intervalNanos;
      if (waiting == 0 || now < deadline) {
        if (waiting == 0) {
          prepareMapper();
        }
        waitUntil(deadline, Wake.FULL_BATCH);
        return null;
      }
    }
    takingBatch = true;
    try {
      Batch batch = batcher.take(envelope.get());
      if (batch != null) {
        unsent.addLast(batch);
        startupGrace.eventsFlowed();
      }
      updateInFlight();
    } finally {
      takingBatch = false;
    }
    return unsent.isEmpty() ? null : deliverFirst();
  }

  /**
   * Builds the JSON mapper at the first idle moment once the application has started, off the
   * application's threads and after the first events left. Only records and beans in properties and
   * error bodies need it, but its classes take a few hundred milliseconds to load: better here than
   * in the first {@code track()} that needs it, before the first batch, or while the application
   * starts.
   */
  private void prepareMapper() {
    if (mapperReady || !startupGrace.isOver(clock.nanoTime())) {
      return;
    }
    mapperReady = true;
    try {
      Json.mapper();
    } catch (Throwable e) {
      log()
          .warn(
              "Crossdeck could not prepare its JSON mapper; records and beans will be dropped", e);
    }
  }

  private String deliverFirst() {
    DeliveryOutcomes.Decision decision =
        delivery.attempt(unsent.peekFirst(), envelope.get(), this::newKey);
    if (decision.clientFailure() != null) {
      return decision.clientFailure();
    }
    unsent.pollFirst();
    for (int i = decision.resend().size() - 1; i >= 0; i--) {
      unsent.addFirst(decision.resend().get(i));
    }
    nextAttemptNanos = clock.nanoTime() + decision.delay().toNanos();
    updateInFlight();
    return null;
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
    if (closeDeadlineNanos < deadlineNanos || failureFromOutside != null) {
      return true;
    }
    return switch (wakeOn) {
      case FULL_BATCH -> closing || markers.anyQueued() || queue.size() >= batchSize;
      case CLOSE_ONLY -> false;
    };
  }

  private boolean nothingLeft() {
    return unsent.isEmpty()
        && !batcher.holdsCarryOver()
        && queue.size() == 0
        && !markers.anyQueued();
  }

  private void updateInFlight() {
    int events = batcher.holdsCarryOver() ? 1 : 0;
    for (Batch batch : unsent) {
      events += batch.size();
    }
    stats.recordInFlight(events);
  }

  /**
   * After the loop: closes the queue and resolves everything still held, as a shutdown drop when
   * the client was closed or as a {@code client_failed} drop when it failed, so that no event is
   * left uncounted and no flush is left waiting.
   */
  private void finish(String failure) {
    DropReason reason = DropReason.SHUTDOWN;
    if (failure != null) {
      reason = DropReason.CLIENT_FAILED;
      // Recorded before the queue closes, so a refused track() already names the failure.
      stats.recordFailed(failure);
      log()
          .error(
              "Crossdeck client FAILED and stopped sending: {}. track() now rejects events with"
                  + " client_failed, and the events it held are dropped.",
              failure);
    }
    queue.close();
    long left = batcher.dropCarryOver();
    for (Batch batch : unsent) {
      left += batch.size();
    }
    unsent.clear();
    left += queue.drainClosed(markers::reached);
    updateInFlight();
    outcomes.reportEvictions(queue.takeEvictedCount(), queue.maxEvents(), queue.maxBytes());
    outcomes.reportFinalDrops(left, reason);
    markers.completeReached(left == 0, 0, clock.nanoTime());
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getName() + (message == null ? "" : ": " + message);
  }
}
