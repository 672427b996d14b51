package com.crossdeck.client;

import com.crossdeck.client.internal.SystemClock;

/**
 * The SDK's source of time, and the way its sender thread waits.
 *
 * <p>Replace it in tests to drive flush intervals and retry backoff without sleeping: a manual
 * clock advances time on demand and unparks the threads waiting in {@link #awaitUntil(long)}.
 * Implementations must be thread-safe.
 */
public interface CrossdeckClock {

  /** The system clock: {@link System#currentTimeMillis()}, {@link System#nanoTime()}. */
  static CrossdeckClock system() {
    return SystemClock.INSTANCE;
  }

  /** Wall-clock time in epoch milliseconds, used for event timestamps and HTTP dates. */
  long currentTimeMillis();

  /** Monotonic time in nanoseconds, used for intervals, deadlines and durations. */
  long nanoTime();

  /**
   * Blocks the calling thread until {@link #nanoTime()} reaches {@code deadlineNanos}, or until the
   * thread is unparked ({@link java.util.concurrent.locks.LockSupport#unpark}) or interrupted. May
   * return early; callers re-check their condition. {@link Long#MAX_VALUE} waits until unparked.
   */
  void awaitUntil(long deadlineNanos);
}
