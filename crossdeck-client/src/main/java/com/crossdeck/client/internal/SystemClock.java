package com.crossdeck.client.internal;

import com.crossdeck.client.CrossdeckClock;
import java.util.concurrent.locks.LockSupport;

/** The real clock; waits with {@link LockSupport} so a producer's unpark wakes the sender. */
public final class SystemClock implements CrossdeckClock {

  /** The one instance. */
  public static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  @Override
  public long currentTimeMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public void awaitUntil(long deadlineNanos) {
    if (deadlineNanos == Long.MAX_VALUE) {
      LockSupport.park(this);
      return;
    }
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining > 0) {
      LockSupport.parkNanos(this, remaining);
    }
  }
}
