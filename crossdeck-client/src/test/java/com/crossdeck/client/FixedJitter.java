package com.crossdeck.client;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Random ids as usual, but every jitter draw returns the same fraction, so backoff is exact. */
final class FixedJitter implements RandomGenerator {

  private final SplittableRandom ids = new SplittableRandom(42);
  private final double fraction;

  FixedJitter(double fraction) {
    this.fraction = fraction;
  }

  @Override
  public long nextLong() {
    return ids.nextLong();
  }

  @Override
  public double nextDouble() {
    return fraction;
  }
}
