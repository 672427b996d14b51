package com.crossdeck.client.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartupGraceTest {

  private static final long START = 5_000_000_000L;
  private static final Duration GRACE = Duration.ofSeconds(10);

  @Test
  void lastsTheGracePeriodWhileNoEventsFlow() {
    StartupGrace grace = new StartupGrace(START, GRACE);

    assertThat(grace.isOver(START)).isFalse();
    assertThat(grace.isOver(START + GRACE.toNanos() - 1)).isFalse();
    assertThat(grace.isOver(START + GRACE.toNanos())).isTrue();
  }

  @Test
  void endsOnceTheFirstBatchIsTaken() {
    StartupGrace grace = new StartupGrace(START, GRACE);

    grace.eventsFlowed();

    assertThat(grace.isOver(START + 1)).isTrue();
  }

  @Test
  void survivesAClockNearTheEndOfItsRange() {
    StartupGrace grace = new StartupGrace(Long.MAX_VALUE - 1, GRACE);

    assertThat(grace.isOver(Long.MAX_VALUE)).isFalse();
    assertThat(grace.isOver(Long.MAX_VALUE + GRACE.toNanos())).isTrue();
  }
}
