package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class NonBlockingTrackTest extends MockServerTest {

  @Test
  void trackKeepsQueueingWhileTheSenderIsStuckInARequest() {
    CountDownLatch requestArrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            requestArrived.countDown();
            release.await(30, TimeUnit.SECONDS);
            return new MockResponse.Builder().code(202).build();
          }
        });
    CrossdeckServer client =
        client(options -> options.eventFlushBatchSize(1).timeout(Duration.ofSeconds(30)));
    client.track(userEvent("first"));
    await().until(() -> requestArrived.getCount() == 0);

    for (int i = 0; i < 10_000; i++) {
      assertThat(client.track(userEvent("e" + i)).queued()).isTrue();
    }

    assertThat(release.getCount()).as("the sender is still inside its request").isEqualTo(1);
    assertThat(client.diagnostics().queue().events()).isEqualTo(10_000);
    release.countDown();
    assertThat(client.flush(Duration.ofSeconds(20)).completed()).isTrue();
    assertThat(client.diagnostics().delivery().sent()).isEqualTo(10_001);
  }
}
