package com.crossdeck.benchmarks.jmh;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Per-thread sequence numbers for the {@code order_number} property: thread k of n uses k, k+n,
 * k+2n… so numbers are unique without a shared counter, whose contention would be measured instead
 * of the SDK.
 */
@State(Scope.Thread)
public class Sequence {

  private int next;
  private int stride;

  /** Starts at this thread's index. */
  @Setup
  public void start(ThreadParams threads) {
    next = threads.getThreadIndex();
    stride = threads.getThreadCount();
  }

  /** The next number of this thread. */
  int next() {
    int value = next;
    next += stride;
    return value;
  }
}
