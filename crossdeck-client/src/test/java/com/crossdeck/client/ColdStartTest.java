package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.crossdeck.client.transport.JdkHttpTransport;
import com.crossdeck.client.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code build()} creates no transport: the sender thread does, while events queue. These tests
 * hold the transport's creation back to show what the client does meanwhile.
 */
class ColdStartTest extends MockServerTest {

  private final CountDownLatch transportMayBeCreated = new CountDownLatch(1);
  private final List<String> creatingThreads = new CopyOnWriteArrayList<>();

  /** A factory that records which thread creates the transport, held until the test allows it. */
  private Supplier<Transport> heldBackTransport() {
    return () -> {
      creatingThreads.add(Thread.currentThread().getName());
      try {
        transportMayBeCreated.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return JdkHttpTransport.create(Duration.ofSeconds(5));
    };
  }

  @Test
  void theSenderThreadCreatesTheTransportWhenTheFirstBatchNeedsItNotBefore() {
    CrossdeckServer client =
        client(options -> options.transportFactory(heldBackTransport()).eventFlushBatchSize(1));
    clock.advanceAndSettle(Duration.ofMinutes(1));
    assertThat(creatingThreads).as("nothing to send yet").isEmpty();

    client.track(userEvent("first"));
    await().until(() -> !creatingThreads.isEmpty());
    transportMayBeCreated.countDown();

    assertThat(creatingThreads).containsExactly("crossdeck-sender");
    assertThat(nextBatch().eventNames()).containsExactly("first");
  }

  @Test
  void trackRightAfterBuildQueuesAndTheEventIsDeliveredOnceTheTransportIsReady() {
    CrossdeckServer client =
        client(options -> options.transportFactory(heldBackTransport()).eventFlushBatchSize(1));

    TrackResult result = client.track(userEvent("first"));
    await().until(() -> !creatingThreads.isEmpty());
    assertThat(result.queued()).isTrue();
    assertThat(client.diagnostics().queue().held()).isEqualTo(1);
    assertThat(server.getRequestCount()).isZero();

    transportMayBeCreated.countDown();

    assertThat(nextBatch().eventNames()).containsExactly("first");
    await().until(() -> client.diagnostics().delivery().sent() == 1);
  }

  @Test
  void closeRightAfterBuildNeitherHangsNorLosesAnEvent() throws Exception {
    CrossdeckServer client = client(options -> options.transportFactory(heldBackTransport()));
    client.track(userEvent("a"));
    client.track(userEvent("b"));

    FlushResult closed = client.close(Duration.ZERO);

    assertThat(closed.completed()).isFalse();
    assertThat(closed.remaining()).isEqualTo(2);
    Accounting.assertBalances(client);
    transportMayBeCreated.countDown();
    await().until(() -> client.diagnostics().delivery().dropped().get(DropReason.SHUTDOWN) == 2);
    Accounting.assertBalances(client);
    assertThat(client.diagnostics().delivery().failed()).isFalse();
    assertThat(client.track(userEvent("late")).errorCode()).isEqualTo(ErrorCodes.CLIENT_CLOSED);
  }

  @Test
  void closeWhileTheTransportIsStillBeingCreatedDeliversOnceItIs() throws Exception {
    CrossdeckServer client = client(options -> options.transportFactory(heldBackTransport()));
    client.track(userEvent("a"));

    // Closing makes the sender deliver, which starts creating the transport; then it is let go.
    Thread releaser =
        new Thread(
            () -> {
              await().until(() -> !creatingThreads.isEmpty());
              transportMayBeCreated.countDown();
            });
    releaser.start();
    FlushResult closed = client.close(Duration.ofSeconds(5));
    releaser.join();

    assertThat(closed.allDelivered()).isTrue();
    assertThat(closed.sent()).isEqualTo(1);
    assertThat(nextBatch().eventNames()).containsExactly("a");
  }

  @Test
  void identifyRightAfterBuildWaitsForTheTransportAndWorks() {
    dispatcher.then(
        new MockResponse.Builder()
            .code(200)
            .body(
                "{\"object\":\"alias_result\",\"crossdeckCustomerId\":\"cdcust_1\",\"linked\":[]}")
            .build());
    CrossdeckServer client = client(options -> options.transportFactory(heldBackTransport()));
    Thread releaser =
        new Thread(
            () -> {
              await().until(() -> !creatingThreads.isEmpty());
              transportMayBeCreated.countDown();
            });
    releaser.start();

    AliasResult result = client.identify("user_1", "anon_1");

    assertThat(result.crossdeckCustomerId()).isEqualTo("cdcust_1");
    assertThat(creatingThreads).hasSize(1);
  }

  @Test
  void identifyRightAfterBuildWorksWithTheDefaultTransport() {
    dispatcher.then(
        new MockResponse.Builder()
            .code(200)
            .body(
                "{\"object\":\"alias_result\",\"crossdeckCustomerId\":\"cdcust_2\",\"linked\":[]}")
            .build());
    CrossdeckServer client = client();

    assertThat(client.identify("user_2", "anon_2").crossdeckCustomerId()).isEqualTo("cdcust_2");
    assertThat(client.diagnostics().transport()).isEqualTo("okhttp");
  }

  @Test
  void aTransportThatFailsToInitialiseIsReportedDropsAreCountedAndTrackNeverBreaks() {
    RecordingListener listener = new RecordingListener();
    CountDownLatch fail = new CountDownLatch(1);
    CrossdeckServer client =
        client(
            options ->
                options
                    .listener(listener)
                    .eventFlushBatchSize(1)
                    .transportFactory(
                        () -> {
                          try {
                            fail.await(10, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          throw new NoClassDefFoundError("kotlin/jvm/internal/Intrinsics");
                        }));
    TrackResult before = client.track(userEvent("queued_before_the_failure"));

    fail.countDown();
    // The failure is recorded first, then what was held is dropped: wait for the last of it.
    await().until(() -> !listener.dropped.isEmpty());

    Diagnostics diagnostics = client.diagnostics();
    assertThat(before.queued()).isTrue();
    assertThat(diagnostics.transport()).isEqualTo("custom");
    assertThat(diagnostics.delivery().failure())
        .contains("could not be created", "NoClassDefFoundError", "kotlin/jvm/internal/Intrinsics");
    assertThat(diagnostics.delivery().dropped().get(DropReason.CLIENT_FAILED)).isEqualTo(1);
    assertThat(diagnostics.toMap()).containsEntry("failed", true);
    assertThat(listener.dropped)
        .containsExactly(new CrossdeckListener.EventsDropped(1, DropReason.CLIENT_FAILED));
    assertThat(client.track(userEvent("after")).errorCode()).isEqualTo(ErrorCodes.CLIENT_FAILED);
    CrossdeckException identify =
        catchThrowableOfType(CrossdeckException.class, () -> client.identify("u", "anon_1"));
    assertThat(identify.code()).isEqualTo(ErrorCodes.TRANSPORT_UNAVAILABLE);
    Accounting.assertBalances(client);
  }
}
