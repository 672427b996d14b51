package com.crossdeck.emulator.internal.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The body bytes buffered across all connections of all I/O threads; a request whose body would not
 * fit is refused instead of growing the heap.
 */
final class BodyBudget {

  private final long capacity;
  private final AtomicLong used = new AtomicLong();

  BodyBudget(long capacity) {
    this.capacity = capacity;
  }

  /** Takes {@code bytes} from the budget if they are all available. */
  boolean tryReserve(long bytes) {
    long current;
    do {
      current = used.get();
      if (current + bytes > capacity) {
        return false;
      }
    } while (!used.compareAndSet(current, current + bytes));
    return true;
  }

  void release(long bytes) {
    used.addAndGet(-bytes);
  }
}
