package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The before-send hook on tracked events: modify, drop, throw; and its accounting. */
class BeforeSendTest extends MockServerTest {

  private static Event redactEmail(Event event) {
    if (!event.properties().containsKey("email")) {
      return event;
    }
    Event.Builder copy = event.toBuilder();
    copy.property("email", "<redacted>");
    return copy.build();
  }

  @Test
  void aHookMayChangeTheEventBeforeItIsEncoded() {
    CrossdeckServer client = client(options -> options.beforeSend(BeforeSendTest::redactEmail));

    TrackResult result =
        client.track(userEvent("signup").toBuilder().property("email", "ada@example.com").build());
    client.flush(Duration.ofSeconds(5));

    assertThat(result.queued()).isTrue();
    JsonNode event = nextBatch().events().get(0);
    assertThat(event.get("properties").get("email").asText()).isEqualTo("<redacted>");
  }

  @Test
  void aHookThatReturnsNullDropsTheEventCountedAndReported() {
    RecordingListener listener = new RecordingListener();
    CrossdeckServer client =
        client(
            options ->
                options
                    .listener(listener)
                    .beforeSend(event -> event.name().startsWith("debug.") ? null : event));

    TrackResult dropped =
        client.track(userEvent("debug.tick").toBuilder().eventId("evt_d1").build());
    client.track(userEvent("kept"));
    client.flush(Duration.ofSeconds(5));

    assertThat(dropped.queued()).isFalse();
    assertThat(dropped.rejected()).isFalse();
    assertThat(dropped.dropped()).isTrue();
    assertThat(dropped.dropReason()).isEqualTo(DropReason.BEFORE_SEND);
    assertThat(dropped.eventId()).isEqualTo("evt_d1");
    assertThat(nextBatch().eventNames()).containsExactly("kept");
    assertThat(listener.dropped)
        .containsExactly(new CrossdeckListener.EventsDropped(1, DropReason.BEFORE_SEND));
    assertAccounting(client, 2, 1, 1);
  }

  @Test
  void aHookThatThrowsNeverBreaksTrackAndTheEventIsDroppedRatherThanSentUnchecked() {
    RecordingListener listener = new RecordingListener();
    AtomicInteger calls = new AtomicInteger();
    CrossdeckServer client =
        client(
            options ->
                options
                    .listener(listener)
                    .beforeSend(
                        event -> {
                          if (calls.incrementAndGet() % 2 == 1) {
                            throw new IllegalStateException("redaction bug");
                          }
                          return event;
                        }));

    TrackResult[] results = new TrackResult[4];
    assertThatCode(
            () -> {
              for (int i = 0; i < 4; i++) {
                results[i] = client.track(userEvent("e" + i));
              }
            })
        .doesNotThrowAnyException();
    client.flush(Duration.ofSeconds(5));

    assertThat(results[0].dropReason()).isEqualTo(DropReason.BEFORE_SEND_FAILED);
    assertThat(results[0].message()).contains("IllegalStateException");
    assertThat(results[1].queued()).isTrue();
    assertThat(nextBatch().eventNames()).containsExactly("e1", "e3");
    assertThat(client.diagnostics().delivery().dropped())
        .containsEntry(DropReason.BEFORE_SEND_FAILED, 2L);
    assertThat(listener.dropped).hasSize(2);
    assertAccounting(client, 4, 2, 2);
  }

  @Test
  void theHookDoesNotSeeCapturedErrorsOrTheSdksOwnEvents() {
    CrossdeckServer client =
        client(options -> options.beforeSend(event -> null).bootHeartbeat(true));

    TrackResult error = client.captureError(new IllegalStateException("boom"));
    clock.advance(Duration.ofSeconds(10));
    org.awaitility.Awaitility.await().until(() -> client.diagnostics().delivery().accepted() == 2);
    client.flush(Duration.ofSeconds(5));

    assertThat(error.queued()).isTrue();
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < 3 && names.size() < 2; i++) {
      mockwebserver3.RecordedRequest request = nextRequest();
      if (request.getUrl().encodedPath().endsWith("/events")) {
        names.addAll(RecordedBatch.of(request).eventNames());
      }
    }
    assertThat(names).containsExactlyInAnyOrder("error.handled", "sdk.boot");
  }

  @Test
  void hooksInOrderStopAtTheFirstDrop() {
    AtomicInteger secondCalls = new AtomicInteger();
    BeforeSendHook chain =
        BeforeSendHook.inOrder(
            List.of(
                event -> event.name().equals("drop") ? null : event,
                event -> {
                  secondCalls.incrementAndGet();
                  return event.toBuilder().property("stage", 2).build();
                }));

    assertThat(chain.beforeSend(userEvent("drop"))).isNull();
    assertThat(chain.beforeSend(userEvent("keep")).properties()).isEqualTo(Map.of("stage", 2));
    assertThat(secondCalls).hasValue(1);
  }

  private static void assertAccounting(
      CrossdeckServer client, long accepted, long sent, long dropped) {
    Diagnostics diagnostics = client.diagnostics();
    assertThat(diagnostics.delivery().accepted()).isEqualTo(accepted);
    assertThat(diagnostics.delivery().sent()).isEqualTo(sent);
    assertThat(diagnostics.delivery().droppedTotal()).isEqualTo(dropped);
    assertThat(
            diagnostics.delivery().sent()
                + diagnostics.delivery().droppedTotal()
                + diagnostics.queue().held())
        .isEqualTo(diagnostics.delivery().accepted());
  }
}
