package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class IngestTest extends MockServerTest {

  private static List<Event> events(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                Event.builder("imported_" + i)
                    .developerUserId("user_" + (i % 7))
                    .eventId("import_" + i)
                    .build())
        .toList();
  }

  private List<RecordedBatch> received(int requests) {
    List<RecordedBatch> batches = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      batches.add(nextBatch());
    }
    return batches;
  }

  @Test
  void splits250EventsIntoThreeRequestsWithKeysStableAcrossRuns() {
    CrossdeckServer client = client();
    IngestOptions options = IngestOptions.withIdempotencyKey("backfill-2026-11");

    IngestResponse first = client.ingest(events(250), options);
    List<RecordedBatch> firstRun = received(3);
    client.ingest(events(250), options);
    List<RecordedBatch> secondRun = received(3);

    assertThat(first.requests()).isEqualTo(3);
    assertThat(firstRun).extracting(RecordedBatch::size).containsExactly(100, 100, 50);
    List<String> keys = firstRun.stream().map(RecordedBatch::idempotencyKey).toList();
    assertThat(keys).doesNotHaveDuplicates().allMatch(key -> key.startsWith("backfill-2026-11"));
    assertThat(secondRun).extracting(RecordedBatch::idempotencyKey).containsExactlyElementsOf(keys);
    assertThat(firstRun.get(2).eventNames()).last().isEqualTo("imported_249");
  }

  @Test
  void aOneRequestImportUsesThePinnedKeyAsIs() {
    CrossdeckServer client = client();

    client.ingest(events(3), IngestOptions.withIdempotencyKey("replay-42"));

    assertThat(nextBatch().idempotencyKey()).isEqualTo("replay-42");
  }

  @Test
  void withoutAPinnedKeyEveryRequestGetsAFreshBatchKey() {
    CrossdeckServer client = client();

    client.ingest(events(150));

    assertThat(nextBatch().idempotencyKey())
        .startsWith("batch_")
        .isNotEqualTo(nextBatch().idempotencyKey());
  }

  @Test
  void importedEventsCarryNoSequenceOrContextButKeepTheEnvelope() {
    CrossdeckServer client = client();

    IngestResponse response = client.ingest(events(2));

    RecordedBatch batch = nextBatch();
    JsonNode event = batch.events().get(0);
    assertThat(event.has("seq")).isFalse();
    assertThat(event.has("context")).isFalse();
    assertThat(event.get("eventId").asText()).isEqualTo("import_0");
    assertThat(event.get("developerUserId").asText()).isEqualTo("user_0");
    assertThat(batch.body().get("envelopeVersion").asInt()).isEqualTo(1);
    assertThat(batch.body().get("environment").asText()).isEqualTo("sandbox");
    assertThat(response.received()).isEqualTo(1);
  }

  @Test
  void anInvalidEventFailsTheImportBeforeAnythingIsSentNamingItsIndexAndField() {
    List<Event> events = new ArrayList<>(events(5));
    events.set(3, Event.builder("broken").developerUserId("u").anonymousId("anon_1").build());
    CrossdeckServer client = client();

    CrossdeckException error =
        catchThrowableOfType(CrossdeckException.class, () -> client.ingest(events));

    assertThat(error.code()).isEqualTo(ErrorCodes.MULTIPLE_IDENTITY_HINTS);
    assertThat(error.index()).hasValue(3);
    assertThat(error.param()).contains("anonymousId");
    assertThat(error.getMessage()).startsWith("events[3].anonymousId");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aPinnedImportSendsByteIdenticalRequestsOnEveryRun() {
    CrossdeckServer client = client();
    List<Event> withoutIdsOrTimes =
        List.of(
            Event.builder("a").developerUserId("u").build(),
            Event.builder("b").anonymousId("anon_1").build());

    client.ingest(withoutIdsOrTimes, IngestOptions.withIdempotencyKey("nightly"));
    RecordedBatch first = nextBatch();
    clock.advance(java.time.Duration.ofHours(1));
    client.ingest(withoutIdsOrTimes, IngestOptions.withIdempotencyKey("nightly"));
    RecordedBatch second = nextBatch();

    assertThat(second.request().getBody()).isEqualTo(first.request().getBody());
    assertThat(first.events().get(0).get("eventId").asText()).matches("evt_[0-9a-v]{16}");
    assertThat(first.events().get(0).has("timestamp")).as("the server stamps it").isFalse();
  }

  @Test
  void anUnpinnedImportStampsEventsWithTheCurrentTime() {
    CrossdeckServer client = client();

    client.ingest(List.of(Event.builder("a").developerUserId("u").build()));

    assertThat(nextBatch().events().get(0).get("timestamp").asLong())
        .isEqualTo(ManualClock.START_MILLIS);
  }

  @Test
  void anEmptyImportIsRejected() {
    CrossdeckServer client = client();

    assertThat(
            catchThrowableOfType(CrossdeckException.class, () -> client.ingest(List.of())).code())
        .isEqualTo(ErrorCodes.MISSING_EVENTS);
  }

  @Test
  void retriesA429WithTheSameKeyAfterRetryAfter() throws Exception {
    dispatcher.then(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").build());
    CrossdeckServer client = client();

    CompletableFuture<IngestResponse> running =
        CompletableFuture.supplyAsync(
            () -> client.ingest(events(3), IngestOptions.withIdempotencyKey("k1")));
    RecordedBatch limited = nextBatch();
    clock.awaitTimedWaiter();
    clock.advanceAndSettle(Duration.ofMillis(1999));
    assertThat(server.getRequestCount()).isEqualTo(1);
    clock.advance(Duration.ofMillis(1));

    RecordedBatch retried = nextBatch();
    assertThat(retried.idempotencyKey()).isEqualTo(limited.idempotencyKey()).isEqualTo("k1");
    assertThat(running.get().received()).isEqualTo(1);
  }

  @Test
  void givesUpWhenTheNextRetryWouldPassTheDeadline() {
    dispatcher.then(new MockResponse.Builder().code(429).setHeader("Retry-After", "30").build());
    CrossdeckServer client = client();

    CrossdeckException error =
        catchThrowableOfType(
            CrossdeckException.class,
            () ->
                client.ingest(
                    events(3), IngestOptions.DEFAULTS.withDeadline(Duration.ofSeconds(10))));

    assertThat(error.status()).isEqualTo(429);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPermanentFailureMidImportSaysHowMuchWasAccepted() {
    dispatcher.then(202).thenError(400, "invalid_request_error", "invalid_param_value");
    CrossdeckServer client = client();

    CrossdeckException error =
        catchThrowableOfType(
            CrossdeckException.class,
            () -> client.ingest(events(150), IngestOptions.withIdempotencyKey("k2")));

    assertThat(error.code()).isEqualTo("invalid_param_value");
    assertThat(error.getMessage()).contains("request 2 of 2", "same idempotencyKey");
  }
}
