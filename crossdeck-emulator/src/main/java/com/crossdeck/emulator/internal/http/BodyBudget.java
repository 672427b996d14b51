package com.crossdeck.emulator.internal.http;

/**
 * The body bytes buffered across all connections. Used by the I/O thread only, so it needs no
 * synchronization; a request whose body would not fit is refused instead of growing the heap.
 */
final class BodyBudget {

  private final long capacity;
  private long used;

  BodyBudget(long capacity) {
    this.capacity = capacity;
  }

  /** Takes {@code bytes} from the budget if they are all available. */
  boolean tryReserve(long bytes) {
    if (used + bytes > capacity) {
      return false;
    }
    used += bytes;
    return true;
  }

  void release(long bytes) {
    used -= bytes;
  }
}
