package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
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
  void sendsBatchSizeEventsPerRequestWhileNoBacklogBuildsUp() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(3));

    for (int i = 0; i < 5; i++) {
      client.track(userEvent("e" + i));
    }
    FlushResult result = client.flush(Duration.ofSeconds(5));

    assertThat(result.completed()).isTrue();
    assertThat(result.sent()).isEqualTo(5);
    assertThat(nextBatch().eventNames()).containsExactly("e0", "e1", "e2");
    assertThat(nextBatch().eventNames()).containsExactly("e3", "e4");
  }

  @Test
  void catchesUpWithFullRequestsOnceTwoBatchesAreWaiting() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            release.await(10, TimeUnit.SECONDS);
            return new MockResponse.Builder().code(202).build();
          }
        });
    CrossdeckServer client =
        client(
            options -> options.eventFlushBatchSize(10).eventFlushInterval(Duration.ofMinutes(5)));
    client.track(userEvent("first"));
    client.flushAsync();
    RecordedBatch held = nextBatch();

    for (int i = 0; i < 150; i++) {
      client.track(userEvent("backlog" + i));
    }
    release.countDown();
    client.flush(Duration.ofSeconds(5));

    assertThat(held.size()).isEqualTo(1);
    assertThat(nextBatch().size()).as("a backlog goes out in full requests").isEqualTo(100);
    assertThat(nextBatch().size()).isEqualTo(50);
  }
}
