package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventIdDedupTest {

  @RegisterExtension static CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  private static ObjectNode event(String name, String eventId) {
    return userEvent(name, "user_1").put("eventId", eventId);
  }

  /** Posts a marker batch and waits for it, so everything accepted before it is indexed. */
  private List<StoredEvent> eventsAfterIndexing(int expectedBeforeMarker) {
    client.postEvents(batch(userEvent("marker", "user_marker")));
    List<StoredEvent> events =
        emulator.awaitEvents(expectedBeforeMarker + 1, Duration.ofSeconds(5));
    return events.subList(0, events.size() - 1);
  }

  @Test
  void ignoresAnEventIdStoredByAnEarlierBatch() {
    client.postEvents(
        batch(event("signup", "evt_1"), event("login", "evt_2")), "Idempotency-Key", "batch_a");
    client.postEvents(
        batch(event("signup", "evt_1"), event("purchase", "evt_3")), "Idempotency-Key", "batch_b");

    assertThat(eventsAfterIndexing(3))
        .extracting(StoredEvent::eventId)
        .containsExactly("evt_1", "evt_2", "evt_3");
  }

  @Test
  void keepsTheFirstCopyOfARepeatedEventId() {
    client.postEvents(batch(event("first", "evt_1")));
    client.postEvents(batch(event("second", "evt_1")));

    assertThat(eventsAfterIndexing(1)).extracting(StoredEvent::name).containsExactly("first");
  }

  @Test
  void ignoresARepeatedEventIdWithinOneBatch() {
    client.postEvents(batch(event("signup", "evt_1"), event("signup", "evt_1")));

    assertThat(eventsAfterIndexing(1)).hasSize(1);
  }

  @Test
  void countsIgnoredDuplicates() {
    client.postEvents(batch(event("signup", "evt_1")));
    client.postEvents(batch(event("signup", "evt_1"), event("signup", "evt_1")));
    eventsAfterIndexing(1);

    assertThat(emulator.duplicatesIgnored()).isEqualTo(2);
  }

  @Test
  void acknowledgesEveryEventOfABatchEvenWhenSomeAreDuplicates() {
    client.postEvents(batch(event("signup", "evt_1")));

    Reply reply = client.postEvents(batch(event("signup", "evt_1"), event("login", "evt_2")));

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().path("received").intValue()).isEqualTo(2);
  }

  @Test
  void deduplicatesSandboxAndProductionSeparately() {
    client.postEvents(batch(event("signup", "evt_1")));
    client.post(
        "/v1/events",
        Batches.json(Batches.envelope(event("signup", "evt_1"))),
        "Authorization",
        "Bearer cd_sk_live_emulator");

    assertThat(eventsAfterIndexing(2))
        .extracting(StoredEvent::environment)
        .containsExactly(Environment.SANDBOX, Environment.PRODUCTION);
  }
}
