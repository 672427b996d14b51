package com.crossdeck.emulator.internal;

import java.time.Duration;

/**
 * How many events the indexer has stored and how many duplicates it ignored, with a way to wait for
 * a count. Written by the indexer thread, read and awaited by any thread.
 */
final class StoredCounter {

  private long stored;
  private long duplicates;

  synchronized void add(int storedEvents, int duplicateEvents) {
    stored += storedEvents;
    duplicates += duplicateEvents;
    notifyAll();
  }

  /** Erased events are no longer stored. */
  synchronized void remove(int erasedEvents) {
    stored -= erasedEvents;
  }

  synchronized long stored() {
    return stored;
  }

  synchronized long duplicates() {
    return duplicates;
  }

  synchronized void reset() {
    stored = 0;
    duplicates = 0;
  }

  /**
   * Waits until at least {@code count} events are stored; false when {@code timeout} passed first.
   */
  synchronized boolean awaitStored(long count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (stored < count) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      wait(Math.max(1, remaining / 1_000_000));
    }
    return true;
  }
}
