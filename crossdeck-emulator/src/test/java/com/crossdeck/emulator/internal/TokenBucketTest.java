package com.crossdeck.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void startsFull() {
    TokenBucket bucket = new TokenBucket(10, 100, 0);

    assertThat(bucket.tryTake(100, 0)).isEmpty();
  }

  @Test
  void takesNothingWhenTooFewTokensAreLeft() {
    TokenBucket bucket = new TokenBucket(10, 100, 0);
    bucket.tryTake(95, 0);

    assertThat(bucket.tryTake(10, 0)).isPresent();
    assertThat(bucket.tryTake(5, 0)).isEmpty();
  }

  @Test
  void saysHowLongUntilEnoughTokensExist() {
    TokenBucket bucket = new TokenBucket(10, 100, 0);
    bucket.tryTake(100, 0);

    assertThat(bucket.tryTake(25, 0)).contains(Duration.ofMillis(2500));
  }

  @Test
  void refillsAtTheConfiguredRate() {
    TokenBucket bucket = new TokenBucket(10, 100, 0);
    bucket.tryTake(100, 0);

    assertThat(bucket.tryTake(20, 2 * SECOND)).isEmpty();
    assertThat(bucket.tryTake(1, 2 * SECOND)).isPresent();
  }

  @Test
  void neverHoldsMoreThanItsCapacity() {
    TokenBucket bucket = new TokenBucket(10, 100, 0);

    assertThat(bucket.tryTake(101, 3600 * SECOND)).isPresent();
  }

  @Test
  void ignoresAClockThatStepsBackwards() {
    TokenBucket bucket = new TokenBucket(10, 100, 10 * SECOND);
    bucket.tryTake(100, 10 * SECOND);

    assertThat(bucket.tryTake(1, 5 * SECOND)).isPresent();
    assertThat(bucket.tryTake(10, 11 * SECOND)).isEmpty();
  }
}
