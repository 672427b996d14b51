package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecordedRequestsTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().clock(new MutableClock(NOW)));

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  @Test
  void recordsWhatTheClientSentAndWhatItGotBack() {
    String body = batch(userEvent("signup", "user_1"));
    client.postEvents(body, "Idempotency-Key", "batch_1", "Crossdeck-Sdk-Version", "test@1.0");

    RecordedRequest request = emulator.requests().get(0);

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/events");
    assertThat(request.query()).isEmpty();
    assertThat(request.bodyAsString()).isEqualTo(body);
    assertThat(request.status()).isEqualTo(202);
    assertThat(request.connectionDropped()).isFalse();
    assertThat(request.receivedAt()).isEqualTo(NOW);
  }

  @Test
  void looksUpHeadersIgnoringCase() {
    client.postEvents(batch(userEvent("signup", "user_1")), "Idempotency-Key", "batch_1");

    RecordedRequest request = emulator.requests().get(0);

    assertThat(request.header("idempotency-key")).contains("batch_1");
    assertThat(request.header("IDEMPOTENCY-KEY")).contains("batch_1");
    assertThat(request.header("authorization")).contains("Bearer " + ApiClient.KEY);
    assertThat(request.header("X-Not-Sent")).isEmpty();
  }

  @Test
  void recordsRejectedRequestsWithTheirStatus() {
    client.post("/v1/events", batch(userEvent("signup", "user_1")));

    assertThat(emulator.requests()).extracting(RecordedRequest::status).containsExactly(401);
  }

  @Test
  void recordsEveryApiRouteInArrivalOrder() {
    client.get("/v1/sdk/heartbeat", "Authorization", "Bearer " + ApiClient.KEY);
    client.alias("{\"userId\":\"user_1\",\"anonymousId\":\"anon_1\"}");
    client.postEvents(batch(userEvent("signup", "user_1")));
    client.get("/v1/entitlements?userId=user_1");

    assertThat(emulator.requests())
        .extracting(request -> request.method() + " " + request.path() + " " + request.query())
        .containsExactly(
            "GET /v1/sdk/heartbeat ",
            "POST /v1/identity/alias ",
            "POST /v1/events ",
            "GET /v1/entitlements userId=user_1");
  }

  @Test
  void protectsTheRecordedBodyFromChanges() {
    client.postEvents(batch(userEvent("signup", "user_1")));
    RecordedRequest request = emulator.requests().get(0);

    request.body()[0] = 'X';

    assertThat(request.bodyAsString()).startsWith("{");
  }
}
