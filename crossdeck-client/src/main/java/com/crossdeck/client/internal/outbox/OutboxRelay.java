package com.crossdeck.client.internal.outbox;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.internal.delivery.BatchDelivery;
import com.crossdeck.client.internal.delivery.DeliveryOutcomes;
import com.crossdeck.client.internal.delivery.DeliveryStats;
import com.crossdeck.client.internal.delivery.LogThrottle;
import com.crossdeck.client.internal.encoding.Envelope;
import com.crossdeck.client.internal.encoding.Ids;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one daemon thread ({@code crossdeck-outbox-relay}) that delivers the outbox: it claims the
 * oldest committed rows ({@link RowClaims}), sends them in batches through the same delivery path
 * as the in-memory sender ({@link BatchDelivery}: {@code Idempotency-Key} reused on every retry,
 * backoff honouring {@code Retry-After}, 426 parks, a 400 without an index is bisected), and only
 * then deletes them, or moves those the server refused for good aside with the reason.
 *
 * <p>It claims as promptly as the in-memory sender sends: once a batch's worth of rows this process
 * committed waits, once the first has waited the flush interval, on {@code flush()}, while closing,
 * and, as the fallback for rows other instances wrote or a previous run left, every poll interval.
 * It starts by claiming, so a restart resumes at once. One request is in flight; a batch being
 * retried goes before newer rows ({@link HeldBatches} keeps that line and writes the outcomes).
 *
 * <p>It outlives any failure: a database that fails or is unreachable is retried with backoff up to
 * {@value #MAX_DATABASE_BACKOFF_SECONDS} s (rows are safe where they are), a bug below it is
 * counted and logged. It stops for good only when closed, or when the HTTP transport cannot run at
 * all, which fails the client as the sender would.
 */
final class OutboxRelay {

  private static Logger log() {
    return LoggerFactory.getLogger(OutboxRelay.class);
  }

  /** Rows claimed at once: five full requests. */
  static final int CLAIM_LIMIT = 500;

  static final long MAX_DATABASE_BACKOFF_SECONDS = 30;

  private static final long MAINTENANCE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long FLUSH_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final long FIRST_DATABASE_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long STOP_GRACE_MILLIS = 1_000;

  /** What the relay needs to set the outbox up if that failed at startup. */
  @FunctionalInterface
  interface SetUp {
    /** Sets the outbox up unless it is; throws when it cannot yet. */
    void ensure() throws SQLException;
  }

  private final RowClaims claims;
  private final OutboxMaintenance maintenance;
  private final BatchDelivery delivery;
  private final Envelope envelope;
  private final OutboxStats stats;
  private final DeliveryStats deliveryStats;
  private final OutboxDrops drops;
  private final RelaySignal signal;
  private final OutboxFlushes flushes;
  private final SetUp setUp;
  private final Consumer<String> failClient;
  private final CrossdeckClock clock;
  private final RandomGenerator random;
  private final BatchPlanner planner;
  private final int batchSize;
  private final long intervalNanos;
  private final long pollNanos;
  private final long maxAgeMillis;
  private final Thread thread;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final LogThrottle throttle;
  private final HeldBatches held;

  private long nextAttemptNanos;
  private long nextPollNanos;
  private long nextMaintenanceNanos;
  private boolean lastClaimFoundNothing;
  private int databaseFailuresInARow;
  private volatile boolean closing;
  private volatile long closeDeadlineNanos = Long.MAX_VALUE;

  OutboxRelay(Parts parts, Options options) {
    this.claims = parts.claims();
    this.maintenance = parts.maintenance();
    this.delivery = parts.delivery();
    this.envelope = parts.envelope();
    this.stats = parts.stats();
    this.deliveryStats = parts.deliveryStats();
    this.drops = parts.drops();
    this.signal = parts.signal();
    this.flushes = parts.flushes();
    this.setUp = parts.setUp();
    this.failClient = parts.failClient();
    this.clock = options.clock();
    this.random = options.random();
    this.batchSize = options.batchSize();
    this.intervalNanos = options.flushInterval().toNanos();
    this.pollNanos = options.pollInterval().toNanos();
    this.maxAgeMillis = options.maxAge().toMillis();
    this.planner = new BatchPlanner(envelope, this::newKey);
    this.held =
        new HeldBatches(claims, stats, drops, clock, options.maxAge().toMillis(), this::newKey);
    this.throttle = new LogThrottle(clock, TimeUnit.MINUTES.toNanos(1));
    this.thread = new Thread(this::run, "crossdeck-outbox-relay");
    thread.setDaemon(true);
    thread.setContextClassLoader(null);
    signal.attach(thread);
  }

  /**
   * The relay's collaborators.
   *
   * @param claims claims rows and writes their outcomes
   * @param maintenance measures and bounds the table
   * @param delivery sends one batch and decides what follows
   * @param envelope the envelope of complete events
   * @param stats the outbox's counters
   * @param deliveryStats the client's delivery counters (for the parked state)
   * @param drops reports drops of the outbox's own making
   * @param signal rows this process committed
   * @param flushes the flushes waiting
   * @param setUp sets the outbox up, if that failed at startup
   * @param failClient fails the client when the transport cannot run
   */
  record Parts(
      RowClaims claims,
      OutboxMaintenance maintenance,
      BatchDelivery delivery,
      Envelope envelope,
      OutboxStats stats,
      DeliveryStats deliveryStats,
      OutboxDrops drops,
      RelaySignal signal,
      OutboxFlushes flushes,
      SetUp setUp,
      Consumer<String> failClient) {}

  /**
   * The relay's options.
   *
   * @param clock the time source
   * @param random idempotency keys and jitter, for this thread only
   * @param batchSize rows this process committed that trigger a claim
   * @param flushInterval the longest such a row waits for a claim
   * @param pollInterval how often an idle relay claims anyway
   * @param maxAge how long a row may wait before it is dropped as expired
   */
  record Options(
      CrossdeckClock clock,
      RandomGenerator random,
      int batchSize,
      Duration flushInterval,
      Duration pollInterval,
      Duration maxAge) {}

  void start() {
    thread.start();
  }

  /**
   * Delivers until {@code deadlineNanos}, then lets go of the rows it holds and stops.
   *
   * @return rows left in the table, as last measured
   */
  long close(long deadlineNanos) {
    closeDeadlineNanos = deadlineNanos;
    closing = true;
    LockSupport.unpark(thread);
    long waitMillis =
        TimeUnit.NANOSECONDS.toMillis(Math.max(0, deadlineNanos - clock.nanoTime()))
            + STOP_GRACE_MILLIS;
    try {
      if (!terminated.await(waitMillis, TimeUnit.MILLISECONDS)) {
        thread.interrupt();
        terminated.await(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return stats.depth();
  }

  private void run() {
    try {
      loop();
    } catch (Throwable e) {
      log().error("Crossdeck outbox relay stopped on an unexpected error", e);
    } finally {
      finish();
      terminated.countDown();
    }
  }

  private void loop() {
    nextPollNanos = clock.nanoTime();
    while (!finished()) {
      try {
        setUp.ensure();
        if (!step()) {
          return;
        }
        if (databaseFailuresInARow > 0) {
          log().info("Crossdeck outbox relay reaches its database again");
          databaseFailuresInARow = 0;
        }
        stats.recordSuccess();
      } catch (SQLException e) {
        databaseFailed(e);
      } catch (Exception e) {
        // The loop must outlive any bug below it: the rows wait in the table meanwhile.
        stats.recordRelayFailure(describe(e));
        if (throttle.shouldLog("unexpected")) {
          log().error("Crossdeck outbox relay hit an unexpected error; it keeps running", e);
        }
        pause(FIRST_DATABASE_BACKOFF_NANOS);
      }
    }
  }

  private boolean finished() {
    return closing
        && (clock.nanoTime() >= closeDeadlineNanos
            || deliveryStats.parked()
            || (held.isEmpty()
                && held.allSettled()
                && lastClaimFoundNothing
                && signal.pending() == 0));
  }

  /**
   * One turn: deliver a batch, write outcomes, keep the table in bounds, take up flushes, claim, or
   * wait.
   *
   * @return false when the client failed and the relay must stop
   */
  private boolean step() throws SQLException {
    if (deliveryStats.parked()) {
      held.settle();
      if (flushes.anyWaiting()) {
        stats.recordMeasured(maintenance.measure(), clock.currentTimeMillis());
        flushes.completeAll(stats.depth());
      }
      await(closeDeadlineNanos, Wake.CLOSE_OR_FLUSH);
      return true;
    }
    if (!held.isEmpty()) {
      if (clock.nanoTime() < nextAttemptNanos) {
        held.settle();
        await(Math.min(nextAttemptNanos, closeDeadlineNanos), Wake.CLOSE);
        return true;
      }
      return deliverFirst();
    }
    held.settle();
    if (clock.nanoTime() >= nextMaintenanceNanos) {
      maintain();
    }
    progressFlushes();
    if (signal.pending() > 0) {
      lastClaimFoundNothing = false;
    }
    long now = clock.nanoTime();
    long claimAt = claimAt(now);
    if (now < claimAt) {
      await(Math.min(claimAt, closeDeadlineNanos), Wake.ANY);
      return true;
    }
    claim();
    return true;
  }

  /** When to claim next: now, once rows or a flush or a close wait; else at the next trigger. */
  private long claimAt(long now) {
    int pending = signal.pending();
    boolean urgent = closing || flushes.anyWaiting();
    if (pending >= batchSize || (pending > 0 && urgent) || (urgent && !lastClaimFoundNothing)) {
      return now;
    }
    long at = nextPollNanos;
    if (pending > 0) {
      at = Math.min(at, signal.firstPendingNanos() + intervalNanos);
    }
    return at;
  }

  private void claim() throws SQLException {
    signal.take();
    long nowMillis = clock.currentTimeMillis();
    RowClaims.Claimed claimed =
        claims.claim(CLAIM_LIMIT, nowMillis, nowMillis - maxAgeMillis, planner);
    if (claimed.expired() > 0) {
      stats.recordDeleted(claimed.expired());
      drops.expired(claimed.expired());
    }
    held.addAll(claimed.batches());
    lastClaimFoundNothing = claimed.batches().isEmpty();
    long now = clock.nanoTime();
    if (claimed.rowsSeen() == CLAIM_LIMIT) {
      nextPollNanos = now;
    } else {
      nextPollNanos =
          now + (flushes.anyWaiting() && lastClaimFoundNothing ? FLUSH_RECHECK_NANOS : pollNanos);
    }
  }

  private boolean deliverFirst() throws SQLException {
    HeldBatch first = held.secureFirst();
    if (first == null) {
      return true;
    }
    DeliveryOutcomes.Decision decision = delivery.attempt(first.batch(), envelope, this::newKey);
    if (decision.clientFailure() != null) {
      failClient.accept(decision.clientFailure());
      return false;
    }
    held.sent(first, decision);
    nextAttemptNanos = clock.nanoTime() + decision.delay().toNanos();
    return true;
  }

  private void maintain() throws SQLException {
    long nowMillis = clock.currentTimeMillis();
    OutboxMaintenance.Measured measured = maintenance.measure();
    OutboxMaintenance.Trimmed trimmed = maintenance.trim(measured, nowMillis);
    if (trimmed.total() > 0) {
      drops.overBounds(trimmed);
      measured = maintenance.measure();
    }
    stats.recordMeasured(measured, nowMillis);
    nextMaintenanceNanos = clock.nanoTime() + MAINTENANCE_INTERVAL_NANOS;
  }

  private void progressFlushes() throws SQLException {
    if (flushes.anyNew()) {
      flushes.takeUp(maintenance.newestId());
    }
    if (flushes.anyWaiting() && lastClaimFoundNothing && signal.pending() == 0) {
      flushes.findReady(maintenance::countUpTo);
    }
    if (flushes.anyReady()) {
      // Their callers may read diagnostics next: measured first, the table is as they say.
      stats.recordMeasured(maintenance.measure(), clock.currentTimeMillis());
      flushes.completeReady();
    }
  }

  private void databaseFailed(SQLException e) {
    databaseFailuresInARow++;
    stats.recordRelayFailure(describe(e));
    long backoff =
        Math.min(
            TimeUnit.SECONDS.toNanos(MAX_DATABASE_BACKOFF_SECONDS),
            FIRST_DATABASE_BACKOFF_NANOS << Math.min(databaseFailuresInARow - 1, 20));
    if (throttle.shouldLog("database")) {
      log()
          .warn(
              "Crossdeck outbox relay could not use its database ({}); retrying in {} ms. The rows"
                  + " wait in the table; later failures are counted (relayFailures) and logged at"
                  + " most once a minute.",
              describe(e),
              TimeUnit.NANOSECONDS.toMillis(backoff));
    }
    pause(backoff);
  }

  private void pause(long nanos) {
    await(Math.min(clock.nanoTime() + nanos, closeDeadlineNanos), Wake.CLOSE);
  }

  /** What may end a wait before its deadline. */
  private enum Wake {
    /** A backoff: only a close whose deadline comes sooner. */
    CLOSE,
    /** Parked: a close, or a flush to answer. */
    CLOSE_OR_FLUSH,
    /** Idle: a close, a flush, or rows this process committed that are due sooner. */
    ANY
  }

  private void await(long deadlineNanos, Wake wake) {
    signal.sleeping(wake == Wake.ANY);
    try {
      if (!wakeReason(deadlineNanos, wake)) {
        clock.awaitUntil(deadlineNanos);
      }
    } finally {
      signal.sleeping(false);
    }
  }

  /** Re-checked after announcing the wait, so a writer's wake-up is never missed. */
  private boolean wakeReason(long deadlineNanos, Wake wake) {
    if (closeDeadlineNanos < deadlineNanos) {
      return true;
    }
    return switch (wake) {
      case CLOSE -> false;
      case CLOSE_OR_FLUSH -> flushes.anyNew();
      case ANY ->
          closing
              || flushes.anyNew()
              || signal.pending() >= batchSize
              || (signal.pending() > 0
                  && signal.firstPendingNanos() + intervalNanos < deadlineNanos);
    };
  }

  /** After the loop: writes what is decided, lets go of the rest, measures what is left. */
  private void finish() {
    try {
      held.settle();
    } catch (SQLException | RuntimeException e) {
      log().warn("Crossdeck outbox relay could not record its last outcomes: {}", describe(e));
    }
    try {
      claims.releaseAll();
      stats.recordMeasured(maintenance.measure(), clock.currentTimeMillis());
    } catch (SQLException | RuntimeException e) {
      // The claims run out by themselves; the depth stays as last measured.
      log().debug("Crossdeck outbox relay could not let go of its claims", e);
    }
    held.clear();
    flushes.stop(stats.depth());
  }

  private String newKey() {
    return Ids.batchKey(clock.currentTimeMillis(), random);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getName() + (message == null ? "" : ": " + message);
  }
}
