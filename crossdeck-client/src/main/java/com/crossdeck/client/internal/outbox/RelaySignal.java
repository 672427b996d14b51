package com.crossdeck.client.internal.outbox;

import com.crossdeck.client.CrossdeckClock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells the relay about rows this process committed, so it claims them as promptly as the in-memory
 * sender sends: once a batch's worth is waiting, or once the first has waited the flush interval;
 * polling is only for rows other instances wrote. Writers touch one atomic counter and wake the
 * relay only when it must change its plans: when rows start waiting (its wait may end too late) and
 * when a batch's worth is reached. Thread-safe.
 */
final class RelaySignal {

  private final AtomicInteger pending = new AtomicInteger();
  private final CrossdeckClock clock;
  private final int batchSize;
  private volatile long firstPendingNanos;
  private volatile Thread relay;
  private volatile boolean sleeping;

  RelaySignal(CrossdeckClock clock, int batchSize) {
    this.clock = clock;
    this.batchSize = batchSize;
  }

  void attach(Thread relayThread) {
    this.relay = relayThread;
  }

  /** Rows committed by this process, visible to a claim from now on. */
  void committed(int rows) {
    int before = pending.getAndAdd(rows);
    if (before == 0) {
      firstPendingNanos = clock.nanoTime();
    }
    if ((before == 0 || (before < batchSize && before + rows >= batchSize)) && sleeping) {
      wake();
    }
  }

  /** Wakes the relay, whatever it waits for. */
  void wake() {
    Thread thread = relay;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  /** Rows committed since the last {@link #take()}. */
  int pending() {
    return pending.get();
  }

  /** When the rows counted by {@link #pending()} started waiting, on the clock's nano time. */
  long firstPendingNanos() {
    return firstPendingNanos;
  }

  /** Starts a claim: rows committed from now on are counted for the next. */
  void take() {
    pending.set(0);
  }

  /** The relay announces a wait; writers wake it from now on. */
  void sleeping(boolean asleep) {
    sleeping = asleep;
  }
}
