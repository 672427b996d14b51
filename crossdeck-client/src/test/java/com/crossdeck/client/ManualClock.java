package com.crossdeck.client;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A clock that moves only when a test advances it. Threads waiting in {@link #awaitUntil} are
 * unparked on every advance, so interval and backoff tests run in milliseconds of real time.
 */
final class ManualClock implements CrossdeckClock {

  /** 2026-01-01T00:00:00Z, a whole second so HTTP dates line up exactly. */
  static final long START_MILLIS = 1_767_225_600_000L;

  private final AtomicLong elapsedNanos = new AtomicLong();
  private final Map<Thread, Long> waiters = new ConcurrentHashMap<>();
  private final AtomicLong waits = new AtomicLong();

  @Override
  public long currentTimeMillis() {
    return START_MILLIS + elapsedNanos.get() / 1_000_000;
  }

  @Override
  public long nanoTime() {
    return elapsedNanos.get();
  }

  @Override
  public void awaitUntil(long deadlineNanos) {
    Thread self = Thread.currentThread();
    waiters.put(self, deadlineNanos);
    waits.incrementAndGet();
    try {
      if (nanoTime() < deadlineNanos) {
        LockSupport.park(this);
      }
    } finally {
      waiters.remove(self);
    }
  }

  /** Moves time forward and wakes every waiting thread. */
  void advance(Duration duration) {
    elapsedNanos.addAndGet(duration.toNanos());
    waiters.keySet().forEach(LockSupport::unpark);
  }

  /** How many times a thread has started waiting; a test waits for it to grow. */
  long waits() {
    return waits.get();
  }

  /** Blocks (in real time) until some thread waits for a finite deadline, and returns it. */
  long awaitTimedWaiter() {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> waiters.values().stream().anyMatch(deadline -> deadline != Long.MAX_VALUE));
    return waiters.values().stream().filter(d -> d != Long.MAX_VALUE).findFirst().orElseThrow();
  }

  /** Blocks (in real time) until some thread waits for exactly {@code deadlineNanos}. */
  void awaitWaiterUntil(long deadlineNanos) {
    await().atMost(Duration.ofSeconds(5)).until(() -> waiters.containsValue(deadlineNanos));
  }

  /**
   * Advances time and blocks until a waiting thread has woken and started waiting again, so the
   * caller can assert on what it did (or did not do) in between.
   */
  void advanceAndSettle(Duration duration) {
    long before = waits();
    advance(duration);
    await().atMost(Duration.ofSeconds(5)).until(() -> waits() > before && !waiters.isEmpty());
  }
}
