package com.crossdeck.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final RetryPolicy POLICY = RetryPolicy.DEFAULT;
  private static final Duration LONG_OUTAGE = Duration.ofHours(1);

  private static RandomGenerator fraction(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  @Test
  void theCeilingDoublesFromOneSecondPerConsecutiveFailure() {
    assertThat(POLICY.delay(0, LONG_OUTAGE, null, fraction(0.999)))
        .isEqualTo(Duration.ofMillis(999));
    assertThat(POLICY.delay(1, LONG_OUTAGE, null, fraction(0.5)))
        .isEqualTo(Duration.ofMillis(1000));
    assertThat(POLICY.delay(3, LONG_OUTAGE, null, fraction(0.5)))
        .isEqualTo(Duration.ofMillis(4000));
  }

  @Test
  void theCeilingIsCappedAtSixtySeconds() {
    assertThat(POLICY.delay(30, LONG_OUTAGE, null, fraction(0.999999)))
        .isLessThan(Duration.ofSeconds(60))
        .isGreaterThan(Duration.ofSeconds(59));
  }

  @Test
  void fullJitterCanRetryImmediately() {
    assertThat(POLICY.delay(5, LONG_OUTAGE, null, fraction(0.0))).isEqualTo(Duration.ZERO);
  }

  @Test
  void neverWaitsLongerThanTheFailureHasLastedButAtLeastTheBase() {
    assertThat(POLICY.delay(4, Duration.ofMillis(2500), null, fraction(0.999)))
        .isEqualTo(Duration.ofMillis(2497));
    assertThat(POLICY.delay(4, Duration.ZERO, null, fraction(0.5)))
        .isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void retryAfterWinsWhenItAsksForMore() {
    assertThat(POLICY.delay(0, Duration.ZERO, Duration.ofSeconds(30), fraction(0.5)))
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jitterWinsWhenRetryAfterAsksForLess() {
    assertThat(POLICY.delay(3, LONG_OUTAGE, Duration.ofMillis(100), fraction(1.0)))
        .isEqualTo(Duration.ofMillis(8000));
  }

  @Test
  void retryAfterIsHonouredBeyondTheBackoffCapUpToFiveMinutes() {
    assertThat(POLICY.delay(0, Duration.ZERO, Duration.ofSeconds(120), fraction(0.5)))
        .isEqualTo(Duration.ofSeconds(120));
    assertThat(POLICY.delay(0, Duration.ZERO, Duration.ofDays(1), fraction(0.5)))
        .isEqualTo(Duration.ofMinutes(5));
  }
}
