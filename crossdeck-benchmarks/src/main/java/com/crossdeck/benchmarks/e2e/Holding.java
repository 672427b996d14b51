package com.crossdeck.benchmarks.e2e;

import com.crossdeck.benchmarks.child.ChildReport;
import com.crossdeck.benchmarks.child.ChildRun;
import java.time.Duration;

/** Steering shared by the scenarios in which the application keeps running until delivery. */
final class Holding {

  private Holding() {}

  /**
   * Waits until the child has tracked everything, then until {@code events} are stored or {@code
   * holdMillis} from the child's start have passed, then tells the child to close and returns its
   * report.
   */
  static ChildReport untilStored(ChildProcess child, Target target, long events, long holdMillis)
      throws InterruptedException {
    child.await(ChildRun.STARTED, Duration.ofMinutes(1));
    long start = System.nanoTime();
    child.await(ChildRun.HOLDING, Duration.ofMinutes(2));
    Duration left = Duration.ofMillis(holdMillis).minusNanos(System.nanoTime() - start);
    target.awaitStored(events, left.isNegative() ? Duration.ZERO : left);
    child.stop();
    return child.report(Duration.ofMinutes(2));
  }
}
