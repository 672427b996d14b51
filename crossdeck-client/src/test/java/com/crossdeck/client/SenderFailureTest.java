package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdeck.client.transport.Transport;
import com.crossdeck.client.transport.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sender thread survives what is thrown at it, and when it truly cannot continue the client
 * says so: failed in diagnostics, {@code client_failed} from track(), every held event dropped and
 * counted, no flush left waiting.
 */
class SenderFailureTest extends MockServerTest {

  private final RecordingListener listener = new RecordingListener();

  private static TransportResponse accepted() {
    return new TransportResponse(
        202, Map.of(), "{\"object\":\"list\",\"received\":1}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anErrorThrownByTheTransportIsRetriedAndTheEventDelivered() {
    AtomicBoolean thrown = new AtomicBoolean();
    Transport flaky =
        request -> {
          if (thrown.compareAndSet(false, true)) {
            throw new AssertionError("transport bug");
          }
          return accepted();
        };
    CrossdeckServer client =
        client(options -> options.eventFlushBatchSize(1).transport(flaky).listener(listener));

    client.track(userEvent("a"));
    await().until(() -> listener.failed.size() == 1);
    clock.advance(Duration.ofMinutes(2));

    await().until(() -> client.diagnostics().delivery().sent() == 1);
    assertThat(listener.failed.get(0).error().code()).isEqualTo(ErrorCodes.FETCH_FAILED);
    assertThat(client.diagnostics().delivery().failed()).isFalse();
    assertThat(client.track(userEvent("b")).queued()).isTrue();
  }

  @Test
  void aSenderLoopThatKeepsFailingMarksTheClientFailedAndDropsWhatItHeld() {
    AtomicBoolean broken = new AtomicBoolean();
    CrossdeckClock breakable =
        new CrossdeckClock() {
          @Override
          public long currentTimeMillis() {
            return clock.currentTimeMillis();
          }

          @Override
          public long nanoTime() {
            return clock.nanoTime();
          }

          @Override
          public void awaitUntil(long deadlineNanos) {
            if (broken.get()) {
              throw new AssertionError("clock bug");
            }
            clock.awaitUntil(deadlineNanos);
          }
        };
    CrossdeckServer client =
        client(
            options ->
                options
                    .clock(breakable)
                    .eventFlushBatchSize(50)
                    .eventFlushInterval(Duration.ofMinutes(5))
                    .listener(listener));
    client.track(userEvent("held_1"));
    client.track(userEvent("held_2"));

    broken.set(true);
    clock.advance(Duration.ofMillis(1));

    // The failure is recorded first, then what was held is dropped: wait for the last of it.
    await().until(() -> !listener.dropped.isEmpty());
    Diagnostics.Delivery delivery = client.diagnostics().delivery();
    assertThat(delivery.failed()).isTrue();
    assertThat(delivery.failure()).contains("5 times in a row", "AssertionError", "clock bug");
    assertThat(delivery.senderErrors()).isEqualTo(5);
    assertThat(delivery.dropped().get(DropReason.CLIENT_FAILED)).isEqualTo(2);
    assertThat(listener.dropped)
        .contains(new CrossdeckListener.EventsDropped(2, DropReason.CLIENT_FAILED));
    TrackResult refused = client.track(userEvent("after"));
    assertThat(refused.errorCode()).isEqualTo(ErrorCodes.CLIENT_FAILED);
    assertThat(refused.message()).contains("has failed", "clock bug");
    Accounting.assertBalances(client);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aTransportThatCannotRunFailsTheClientInsteadOfRetryingForever() {
    Transport incompatible =
        request -> {
          throw new NoSuchMethodError("kotlin.jvm.internal.Intrinsics.checkNotNullParameter");
        };
    CrossdeckServer client =
        client(options -> options.eventFlushBatchSize(1).transport(incompatible));

    client.track(userEvent("a"));

    // The failure is recorded first, then what was held is dropped: wait for the last of it.
    await().until(() -> client.diagnostics().delivery().droppedTotal() > 0);
    assertThat(client.diagnostics().delivery().failed()).isTrue();
    assertThat(client.diagnostics().delivery().failure())
        .contains("cannot run", "NoSuchMethodError");
    assertThat(client.diagnostics().delivery().dropped().get(DropReason.CLIENT_FAILED))
        .isEqualTo(1);
    assertThat(client.track(userEvent("b")).errorCode()).isEqualTo(ErrorCodes.CLIENT_FAILED);
    Accounting.assertBalances(client);
  }

  @Test
  void aFlushWaitingWhenTheClientFailsCompletesWithTheEventsDropped() throws Exception {
    CountDownLatch requestArrived = new CountDownLatch(1);
    CountDownLatch breakNow = new CountDownLatch(1);
    Transport breaksMidRequest =
        request -> {
          requestArrived.countDown();
          try {
            breakNow.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new NoClassDefFoundError("okhttp3/internal/Util");
        };
    CrossdeckServer client =
        client(
            options ->
                options
                    .transport(breaksMidRequest)
                    .eventFlushBatchSize(10)
                    .eventFlushInterval(Duration.ofMinutes(5)));
    client.track(userEvent("a"));
    client.track(userEvent("b"));
    CompletableFuture<FlushResult> flush = client.flushAsync();
    requestArrived.await(5, TimeUnit.SECONDS);

    breakNow.countDown();

    FlushResult result = flush.get(5, TimeUnit.SECONDS);
    assertThat(result.dropped()).isEqualTo(2);
    assertThat(result.sent()).isZero();
    assertThat(result.allDelivered()).isFalse();
  }

  @Test
  void aFlushAfterTheSenderEndedCompletesAtOnce() throws Exception {
    AtomicInteger created = new AtomicInteger();
    CrossdeckServer client =
        client(
            options ->
                options
                    .eventFlushBatchSize(1)
                    .transportFactory(
                        () -> {
                          created.incrementAndGet();
                          throw new NoClassDefFoundError("kotlin/jvm/internal/Intrinsics");
                        }));
    client.track(userEvent("first"));
    await().until(() -> client.diagnostics().delivery().failed());

    TrackResult refused = client.track(userEvent("late"));
    FlushResult flushed = client.flushAsync().get(5, TimeUnit.SECONDS);
    FlushResult waited = client.flush(Duration.ofSeconds(5));

    assertThat(refused.errorCode()).isEqualTo(ErrorCodes.CLIENT_FAILED);
    assertThat(flushed.completed()).isTrue();
    assertThat(waited.completed()).isTrue();
    assertThat(created).hasValue(1);
  }
}
