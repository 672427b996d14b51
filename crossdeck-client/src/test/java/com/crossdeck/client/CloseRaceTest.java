package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A {@code track()} caught in the middle by {@code close()}: it either returns {@code queued} for
 * an event the close delivers or counts, or it is refused. Nothing in between.
 */
class CloseRaceTest extends MockServerTest {

  private final CountDownLatch inFallback = new CountDownLatch(1);
  private final CountDownLatch releaseFallback = new CountDownLatch(1);

  /** An identity fallback that holds the calling track() until the test lets it go. */
  private IdentityHint heldIdentity() {
    inFallback.countDown();
    try {
      releaseFallback.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return IdentityHint.developerUserId("user_1");
  }

  @Test
  void aTrackHeldMidFlightWhileTheClientClosesIsRefusedAndNothingIsLeftUncounted()
      throws Exception {
    CrossdeckServer client = client(options -> options.identityFallback(this::heldIdentity));
    client.track(userEvent("before_close"));
    CompletableFuture<TrackResult> racing =
        CompletableFuture.supplyAsync(() -> client.track(Event.builder("racing").build()));
    inFallback.await(5, TimeUnit.SECONDS);

    FlushResult closed = client.close(Duration.ofSeconds(5));
    releaseFallback.countDown();
    TrackResult result = racing.get(5, TimeUnit.SECONDS);

    assertThat(closed.allDelivered()).isTrue();
    assertThat(closed.sent()).isEqualTo(1);
    assertThat(result.errorCode()).isEqualTo(ErrorCodes.CLIENT_CLOSED);
    assertThat(nextBatch().eventNames()).containsExactly("before_close");
    Diagnostics.Delivery delivery = client.diagnostics().delivery();
    assertThat(delivery.accepted()).isEqualTo(1);
    assertThat(client.diagnostics().queue().held()).isZero();
    Accounting.assertBalances(client);
  }

  @Test
  void tracksRacingCloseFromManyThreadsAreEachDeliveredOrCountedOrRefused() throws Exception {
    // The real clock: the close deadline has to pass while producers are still running.
    CrossdeckServer client =
        client(
            options ->
                options
                    .clock(CrossdeckClock.system())
                    .eventFlushBatchSize(20)
                    .eventFlushInterval(Duration.ofMinutes(5)));
    int threads = 4;
    List<CompletableFuture<Long>> producers = new ArrayList<>();
    CountDownLatch started = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      producers.add(
          CompletableFuture.supplyAsync(
              () -> {
                started.countDown();
                long queued = 0;
                for (int i = 0; i < 20_000; i++) {
                  if (client.track(userEvent("t" + thread + "_" + i)).queued()) {
                    queued++;
                  }
                }
                return queued;
              }));
    }
    started.await(5, TimeUnit.SECONDS);

    FlushResult closed = client.close(Duration.ofMillis(200));
    long queued = 0;
    for (CompletableFuture<Long> producer : producers) {
      queued += producer.get(30, TimeUnit.SECONDS);
    }

    Diagnostics diagnostics = client.diagnostics();
    assertThat(diagnostics.delivery().accepted()).isEqualTo(queued);
    assertThat(diagnostics.queue().held()).isZero();
    Accounting.assertBalances(client);
    assertThat(closed.remaining())
        .isEqualTo(diagnostics.delivery().dropped().get(DropReason.SHUTDOWN));
  }
}
