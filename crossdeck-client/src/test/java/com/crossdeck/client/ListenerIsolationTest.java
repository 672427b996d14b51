package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** A listener can throw anything from any callback; delivery and track() never notice. */
class ListenerIsolationTest extends MockServerTest {

  /**
   * Throws an {@link Error} from every callback, as a failing assertion in a test listener does.
   */
  private static final class ThrowingListener implements CrossdeckListener {
    final AtomicInteger calls = new AtomicInteger();

    private void fail() {
      calls.incrementAndGet();
      throw new AssertionError("listener bug");
    }

    @Override
    public void onFlushSucceeded(FlushSucceeded event) {
      fail();
    }

    @Override
    public void onFlushFailed(FlushFailed event) {
      fail();
    }

    @Override
    public void onEventsDropped(EventsDropped event) {
      fail();
    }

    @Override
    public void onPermanentFailure(PermanentFailure event) {
      fail();
    }

    @Override
    public void onParked(Parked event) {
      fail();
    }

    @Override
    public void onEventRejected(EventRejected event) {
      fail();
    }
  }

  private final ThrowingListener throwing = new ThrowingListener();
  private final RecordingListener recording = new RecordingListener();

  private CrossdeckServer isolatedClient() {
    return client(options -> options.eventFlushBatchSize(1).listener(throwing).listener(recording));
  }

  @Test
  void anErrorFromOnFlushSucceededLeavesTheSenderDelivering() {
    CrossdeckServer client = isolatedClient();

    client.track(userEvent("a"));
    nextBatch();
    client.track(userEvent("b"));

    assertThat(nextBatch().eventNames()).containsExactly("b");
    await().until(() -> recording.succeeded.size() == 2);
    assertThat(client.diagnostics().delivery().listenerFailures()).isEqualTo(2);
  }

  @Test
  void anErrorFromOnFlushFailedLeavesTheRetryInPlace() {
    dispatcher.then(503);
    CrossdeckServer client = isolatedClient();

    client.track(userEvent("a"));
    nextBatch();
    await().until(() -> recording.failed.size() == 1);
    clock.advance(Duration.ofMinutes(2));

    assertThat(nextBatch().eventNames()).containsExactly("a");
    await().until(() -> client.diagnostics().delivery().sent() == 1);
  }

  @Test
  void anErrorFromOnPermanentFailureAndOnEventsDroppedLeavesTheDropCounted() {
    dispatcher.thenError(401, "authentication_error", "invalid_api_key");
    CrossdeckServer client = isolatedClient();

    client.track(userEvent("rejected"));
    nextBatch();
    await().until(() -> recording.dropped.size() == 1);
    client.track(userEvent("next"));

    assertThat(nextBatch().eventNames()).containsExactly("next");
    assertThat(recording.permanent).hasSize(1);
    assertThat(client.diagnostics().delivery().dropped().get(DropReason.REJECTED_BY_SERVER))
        .isEqualTo(1);
  }

  @Test
  void anErrorFromOnParkedLeavesTheClientParkedAndHoldingItsEvents() {
    dispatcher.then(
        new MockResponse.Builder()
            .code(426)
            .body("{\"error\":{\"type\":\"version_error\",\"code\":\"sdk_version_unsupported\"}}")
            .build());
    CrossdeckServer client = isolatedClient();

    client.track(userEvent("a"));
    nextBatch();
    await().until(() -> recording.parked.size() == 1);

    assertThat(client.diagnostics().delivery().parked()).isTrue();
    assertThat(client.diagnostics().queue().held()).isEqualTo(1);
    assertThat(client.diagnostics().delivery().failed()).isFalse();
  }

  @Test
  void anErrorFromOnEventRejectedNeverReachesTheCallerOfTrack() {
    CrossdeckServer client = isolatedClient();

    assertThatCode(() -> client.track(Event.builder("").build())).doesNotThrowAnyException();
    TrackResult rejected = client.track(Event.builder("no_identity").build());

    assertThat(rejected.errorCode()).isEqualTo(ErrorCodes.MISSING_IDENTITY);
    assertThat(recording.rejected).hasSize(2);
    assertThat(throwing.calls).hasValue(2);
    assertThat(client.diagnostics().delivery().listenerFailures()).isEqualTo(2);
  }
}
