package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchTriggersTest extends MockServerTest {

  @Test
  void sendsOneBatchAsSoonAsBatchSizeEventsAreQueued() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(5));

    for (int i = 0; i < 5; i++) {
      client.track(userEvent("e" + i));
    }

    RecordedBatch batch = nextBatch();
    assertThat(batch.eventNames()).containsExactly("e0", "e1", "e2", "e3", "e4");
    assertThat(clock.nanoTime()).as("no time had to pass").isZero();
  }

  @Test
  void waitsForTheIntervalWhenFewerEventsThanBatchSizeAreQueued() {
    CrossdeckServer client =
        client(
            options -> options.eventFlushBatchSize(20).eventFlushInterval(Duration.ofMillis(1500)));

    client.track(userEvent("a"));
    client.track(userEvent("b"));
    clock.awaitTimedWaiter();
    clock.advanceAndSettle(Duration.ofMillis(1499));
    assertThat(server.getRequestCount()).isZero();

    clock.advance(Duration.ofMillis(1));

    assertThat(nextBatch().eventNames()).containsExactly("a", "b");
  }

  @Test
  void sendsNothingWhenNothingIsQueued() {
    client();

    clock.advanceAndSettle(Duration.ofMinutes(10));

    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void neverPutsMoreThanBatchSizeEventsInOneRequest() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(3));

    for (int i = 0; i < 7; i++) {
      client.track(userEvent("e" + i));
    }
    FlushResult result = client.flush(Duration.ofSeconds(5));

    assertThat(result.completed()).isTrue();
    assertThat(result.sent()).isEqualTo(7);
    assertThat(nextBatch().eventNames()).containsExactly("e0", "e1", "e2");
    assertThat(nextBatch().eventNames()).containsExactly("e3", "e4", "e5");
    assertThat(nextBatch().eventNames()).containsExactly("e6");
  }
}
