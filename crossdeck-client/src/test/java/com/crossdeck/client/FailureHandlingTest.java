package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class FailureHandlingTest extends MockServerTest {

  private final RecordingListener listener = new RecordingListener();

  @Test
  void dropsTheBatchOn401WithoutRetryingAndTellsListeners() {
    dispatcher.thenError(401, "authentication_error", "invalid_api_key");
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(3).listener(listener));

    client.track(userEvent("a"));
    client.track(userEvent("b"));
    client.track(userEvent("c"));
    nextBatch();

    await().until(() -> listener.permanent.size() == 1);
    assertThat(listener.permanent.get(0))
        .isEqualTo(new CrossdeckListener.PermanentFailure(401, "invalid_api_key", 3));
    assertThat(listener.dropped)
        .containsExactly(new CrossdeckListener.EventsDropped(3, DropReason.REJECTED_BY_SERVER));
    clock.advanceAndSettle(Duration.ofMinutes(10));
    assertThat(server.getRequestCount()).as("no retry").isEqualTo(1);
    Diagnostics.Delivery delivery = client.diagnostics().delivery();
    assertThat(delivery.dropped().get(DropReason.REJECTED_BY_SERVER)).isEqualTo(3);
    assertThat(delivery.keyRejected()).isTrue();
    assertThat(listener.failed).isEmpty();
  }

  @Test
  void parksOn426KeepingEventsAndSendingNothingMore() {
    dispatcher.then(
        new MockResponse.Builder()
            .code(426)
            .body(
                "{\"error\":{\"type\":\"version_error\",\"code\":\"sdk_version_unsupported\","
                    + "\"message\":\"upgrade\",\"minVersion\":\"2.0.0\"}}")
            .build());
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(2).listener(listener));

    client.track(userEvent("a"));
    client.track(userEvent("b"));
    nextBatch();
    await().until(() -> listener.parked.size() == 1);
    client.track(userEvent("c"));
    client.track(userEvent("d"));
    clock.advanceAndSettle(Duration.ofMinutes(10));

    assertThat(listener.parked.get(0).minVersion()).isEqualTo("2.0.0");
    assertThat(server.getRequestCount()).isEqualTo(1);
    Diagnostics diagnostics = client.diagnostics();
    assertThat(diagnostics.delivery().parked()).isTrue();
    assertThat(diagnostics.delivery().parkedMinVersion()).isEqualTo("2.0.0");
    assertThat(diagnostics.queue().inFlight() + diagnostics.queue().events()).isEqualTo(4);
    assertThat(diagnostics.delivery().droppedTotal()).isZero();
    FlushResult flush = client.flush(Duration.ofSeconds(1));
    assertThat(flush.completed()).isFalse();
    assertThat(flush.remaining()).isEqualTo(4);
  }

  @Test
  void dropsOnlyTheEventNamedByA400AndResendsTheRestUnderANewKey() {
    dispatcher.then(
        ScriptedDispatcher.error(
            400, "invalid_request_error", "invalid_param_value", "developerUserId", 1));
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(3).listener(listener));

    client.track(userEvent("e0"));
    client.track(userEvent("e1"));
    client.track(userEvent("e2"));
    RecordedBatch rejected = nextBatch();
    RecordedBatch resent = nextBatch();

    assertThat(resent.eventNames()).containsExactly("e0", "e2");
    assertThat(resent.idempotencyKey()).isNotEqualTo(rejected.idempotencyKey());
    await().until(() -> client.diagnostics().delivery().sent() == 2);
    assertThat(client.diagnostics().delivery().dropped().get(DropReason.INVALID_EVENT))
        .isEqualTo(1);
    assertThat(listener.dropped)
        .containsExactly(new CrossdeckListener.EventsDropped(1, DropReason.INVALID_EVENT));
  }

  @Test
  void resendsTheSameEventsUnderANewKeyWhenTheServerSaysTheKeyCarriedAnotherBody() {
    dispatcher.thenError(400, "invalid_request_error", "idempotency_key_in_use");
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1).listener(listener));

    client.track(userEvent("only"));
    RecordedBatch refused = nextBatch();
    RecordedBatch resent = nextBatch();

    assertThat(resent.eventNames()).containsExactly("only");
    assertThat(resent.idempotencyKey()).isNotEqualTo(refused.idempotencyKey());
    await().until(() -> client.diagnostics().delivery().sent() == 1);
    assertThat(client.diagnostics().delivery().droppedTotal()).isZero();
    assertThat(listener.dropped).isEmpty();
  }

  @Test
  void bisectsABatchRefusedWith400WithoutAnIndexUntilTheBadEventIsDroppedAlone() {
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
            // Like a JSON parser refusing the whole body: the error names no event.
            return request.getBody().utf8().contains("\"poisoned\"")
                ? ScriptedDispatcher.error(400, "invalid_request_error", "invalid_json", null, null)
                : new MockResponse.Builder().code(202).body("{}").build();
          }
        });
    CrossdeckServer client =
        client(
            options ->
                options
                    .eventFlushBatchSize(100)
                    .eventFlushInterval(Duration.ofMinutes(5))
                    .listener(listener));
    for (int i = 0; i < 100; i++) {
      client.track(userEvent(i == 37 ? "poisoned" : "e" + i));
    }

    FlushResult result = client.flush(Duration.ofSeconds(10));

    java.util.Set<String> delivered = new java.util.HashSet<>();
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (int r = 0; r < server.getRequestCount(); r++) {
      RecordedBatch batch = nextBatch();
      assertThat(keys.add(batch.idempotencyKey())).as("each half under its own key").isTrue();
      if (!batch.eventNames().contains("poisoned")) {
        delivered.addAll(batch.eventNames());
      }
    }
    assertThat(delivered).hasSize(99).doesNotContain("poisoned");
    assertThat(server.getRequestCount()).as("log2(100) rounds of halving").isLessThanOrEqualTo(15);
    Diagnostics.Delivery delivery = client.diagnostics().delivery();
    assertThat(delivery.sent()).isEqualTo(99);
    assertThat(delivery.dropped().get(DropReason.REJECTED_BY_SERVER)).isEqualTo(1);
    assertThat(listener.dropped)
        .containsExactly(new CrossdeckListener.EventsDropped(1, DropReason.REJECTED_BY_SERVER));
    assertThat(result.completed()).isTrue();
    assertThat(result.dropped()).isEqualTo(1);
    assertThat(result.allDelivered()).isFalse();
  }

  @Test
  void aFlushAfterTheServerRejectedTheKeyIsNotAllDelivered() {
    dispatcher.thenError(401, "authentication_error", "invalid_api_key");
    CrossdeckServer client =
        client(
            options -> options.eventFlushBatchSize(10).eventFlushInterval(Duration.ofMinutes(5)));
    client.track(userEvent("a"));

    FlushResult result = client.flush(Duration.ofSeconds(5));

    assertThat(result.completed()).as("nothing is left pending").isTrue();
    assertThat(result.dropped()).isEqualTo(1);
    assertThat(result.allDelivered()).isFalse();
  }

  @Test
  void splitsABatchThatGets413AndSendsBothHalves() {
    dispatcher.then(413);
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(4));

    for (int i = 0; i < 4; i++) {
      client.track(userEvent("e" + i));
    }
    RecordedBatch tooLarge = nextBatch();
    RecordedBatch firstHalf = nextBatch();
    RecordedBatch secondHalf = nextBatch();

    assertThat(tooLarge.size()).isEqualTo(4);
    assertThat(firstHalf.eventNames()).containsExactly("e0", "e1");
    assertThat(secondHalf.eventNames()).containsExactly("e2", "e3");
    assertThat(firstHalf.idempotencyKey())
        .isNotEqualTo(tooLarge.idempotencyKey())
        .isNotEqualTo(secondHalf.idempotencyKey());
    await().until(() -> client.diagnostics().delivery().sent() == 4);
  }

  @Test
  void dropsASingleEventThatGets413() {
    dispatcher.then(413);
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1).listener(listener));

    client.track(userEvent("huge"));
    nextBatch();

    await().until(() -> listener.dropped.size() == 1);
    assertThat(listener.dropped.get(0).reason()).isEqualTo(DropReason.TOO_LARGE);
  }

  @Test
  void aListenerThatThrowsDoesNotStopDelivery() {
    CrossdeckServer client =
        client(
            options ->
                options
                    .eventFlushBatchSize(1)
                    .listener(
                        new CrossdeckListener() {
                          @Override
                          public void onFlushSucceeded(FlushSucceeded event) {
                            throw new IllegalStateException("listener bug");
                          }
                        })
                    .listener(listener));

    client.track(userEvent("a"));
    client.flush();
    client.track(userEvent("b"));
    client.flush();

    assertThat(nextBatch().eventNames()).containsExactly("a");
    assertThat(nextBatch().eventNames()).containsExactly("b");
    await().until(() -> listener.succeeded.size() == 2);
  }
}
