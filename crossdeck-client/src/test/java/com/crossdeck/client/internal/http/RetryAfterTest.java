package com.crossdeck.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final long NOW = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  @Test
  void readsDelaySeconds() {
    assertThat(RetryAfter.parse("3", NOW)).isEqualTo(Duration.ofSeconds(3));
    assertThat(RetryAfter.parse(" 1.5 ", NOW)).isEqualTo(Duration.ofMillis(1500));
    assertThat(RetryAfter.parse("0", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void readsAnHttpDateRelativeToNow() {
    assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:07 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void aDateInThePastMeansNoWait() {
    assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void ignoresAbsentAndUnreadableValues() {
    assertThat(RetryAfter.parse(null, NOW)).isNull();
    assertThat(RetryAfter.parse("", NOW)).isNull();
    assertThat(RetryAfter.parse("soon", NOW)).isNull();
    assertThat(RetryAfter.parse("-5", NOW)).isNull();
  }
}
