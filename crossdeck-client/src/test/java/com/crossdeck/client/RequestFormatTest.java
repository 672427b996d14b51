package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.internal.SdkInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestFormatTest extends MockServerTest {

  @Test
  void postsToEventsWithTheContractHeaders() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1));

    client.track(userEvent("signup_completed"));

    RecordedBatch batch = nextBatch();
    assertThat(batch.request().getMethod()).isEqualTo("POST");
    assertThat(batch.request().getUrl().encodedPath()).isEqualTo("/v1/events");
    assertThat(batch.header("Authorization")).isEqualTo("Bearer " + TEST_KEY);
    assertThat(batch.header("Crossdeck-Sdk-Version"))
        .isEqualTo("@cross-deck/java@" + SdkInfo.version());
    assertThat(batch.header("Crossdeck-Api-Version")).isEqualTo("2025-01-01");
    assertThat(batch.header("User-Agent"))
        .matches(
            "@cross-deck/java/"
                + java.util.regex.Pattern.quote(SdkInfo.version())
                + " java/\\S+ (linux|darwin|win32|[a-z0-9-]+)");
    assertThat(batch.header("Accept")).isEqualTo("application/json");
    assertThat(batch.header("Content-Type")).startsWith("application/json");
    assertThat(batch.idempotencyKey()).matches("batch_[0-9a-z]{20,}");
  }

  @Test
  void aKeyReadWithATrailingLineBreakIsSentWithoutIt() {
    CrossdeckServer client =
        CrossdeckServer.builder(TEST_KEY + "\n")
            .baseUrl(baseUrl())
            .clock(clock)
            .eventFlushBatchSize(1)
            .bootHeartbeat(false)
            .flushOnExit(false)
            .build();
    try {
      client.track(userEvent("a"));

      assertThat(nextBatch().header("Authorization")).isEqualTo("Bearer " + TEST_KEY);
    } finally {
      client.close(java.time.Duration.ZERO);
    }
  }

  @Test
  void theSdkNamesItselfLikeEveryOtherCrossdeckSdk() {
    assertThat(SdkInfo.NAME).isEqualTo("@cross-deck/java");
    assertThat(SdkInfo.version()).matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.-]+)?");
    assertThat(SdkInfo.versionHeader())
        .isEqualTo("@cross-deck/java@" + SdkInfo.version())
        .satisfies(
            header ->
                assertThat(header.substring(header.lastIndexOf('@') + 1))
                    .isEqualTo(SdkInfo.version()));
  }

  @Test
  void sdkVersionIsTheBuiltVersion() {
    assertThat(SdkInfo.version()).isNotEqualTo("unknown").doesNotContain("${");
  }

  @Test
  void wrapsEventsInTheVersionedEnvelope() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1).appId("app_billing"));

    client.track(userEvent("a"));

    JsonNode body = nextBatch().body();
    assertThat(body.get("envelopeVersion").asInt()).isEqualTo(1);
    assertThat(body.get("events").isArray()).isTrue();
    assertThat(body.get("sdk").get("name").asText()).isEqualTo("@cross-deck/java");
    assertThat(body.get("sdk").get("version").asText()).isEqualTo(SdkInfo.version());
    assertThat(body.get("appId").asText()).isEqualTo("app_billing");
    assertThat(body.get("environment").asText()).isEqualTo("sandbox");
  }

  @Test
  void liveKeysSendProductionAsTheEnvironment() {
    CrossdeckServer client = client();
    CrossdeckServer live =
        CrossdeckServer.builder("cd_sk_live_abc")
            .baseUrl(baseUrl())
            .eventFlushBatchSize(1)
            .bootHeartbeat(false)
            .flushOnExit(false)
            .build();
    try {
      live.track(userEvent("a"));
      assertThat(nextBatch().body().get("environment").asText()).isEqualTo("production");
      assertThat(live.environment()).isEqualTo("production");
      assertThat(client.environment()).isEqualTo("sandbox");
    } finally {
      live.close();
    }
  }

  @Test
  void eachEventCarriesIdNameTimeSequenceContextAndOneIdentity() {
    CrossdeckServer client =
        client(
            options ->
                options
                    .eventFlushBatchSize(2)
                    .serviceName("billing")
                    .serviceVersion("2.3.1")
                    .appVersion("5.0.0"));

    client.track(Event.builder("first").anonymousId("anon_abc").build());
    client.track(Event.builder("second").crossdeckCustomerId("cdcust_1").build());

    RecordedBatch batch = nextBatch();
    JsonNode first = batch.events().get(0);
    JsonNode second = batch.events().get(1);
    assertThat(first.get("eventId").asText()).matches("evt_[0-9a-z]{8,9}[0-9a-z]{16}");
    assertThat(first.get("name").asText()).isEqualTo("first");
    assertThat(first.get("timestamp").asLong()).isEqualTo(ManualClock.START_MILLIS);
    assertThat(first.get("seq").asLong()).isZero();
    assertThat(second.get("seq").asLong()).isEqualTo(1);
    assertThat(first.get("anonymousId").asText()).isEqualTo("anon_abc");
    assertThat(first.has("developerUserId")).isFalse();
    assertThat(first.has("crossdeckCustomerId")).isFalse();
    assertThat(second.get("crossdeckCustomerId").asText()).isEqualTo("cdcust_1");
    assertThat(first.get("properties").isObject()).isTrue();
    JsonNode context = first.get("context");
    assertThat(context.get("sdkName").asText()).isEqualTo("@cross-deck/java");
    assertThat(context.get("sdkVersion").asText()).isEqualTo(SdkInfo.version());
    assertThat(context.get("javaVersion").asText()).isEqualTo(Runtime.version().toString());
    assertThat(context.get("serviceName").asText()).isEqualTo("billing");
    assertThat(context.get("serviceVersion").asText()).isEqualTo("2.3.1");
    assertThat(context.get("appVersion").asText()).isEqualTo("5.0.0");
    assertThat(context.has("os")).isTrue();
    assertThat(context.has("region")).as("nulls are sent, not omitted").isTrue();
  }

  @Test
  void keepsTheCallersEventIdAndTimestamp() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1));

    TrackResult result =
        client.track(
            Event.builder("purchase_completed")
                .developerUserId("user_1")
                .eventId("stripe_evt_123")
                .timestamp(Instant.parse("2025-12-24T10:15:30.250Z"))
                .build());

    JsonNode event = nextBatch().events().get(0);
    assertThat(result.eventId()).isEqualTo("stripe_evt_123");
    assertThat(event.get("eventId").asText()).isEqualTo("stripe_evt_123");
    assertThat(event.get("timestamp").asLong())
        .isEqualTo(Instant.parse("2025-12-24T10:15:30.250Z").toEpochMilli());
  }

  @Test
  void mintsAFreshIdempotencyKeyForEveryBatch() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1));

    client.track(userEvent("a"));
    client.flush();
    client.track(userEvent("b"));
    client.flush();

    assertThat(nextBatch().idempotencyKey()).isNotEqualTo(nextBatch().idempotencyKey());
  }

  @Test
  void generatedEventIdsAreReturnedAndUnique() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(2));

    TrackResult a = client.track(userEvent("a"));
    TrackResult b = client.track(userEvent("b"));

    RecordedBatch batch = nextBatch();
    assertThat(a.queued()).isTrue();
    assertThat(batch.events().get(0).get("eventId").asText()).isEqualTo(a.eventId());
    assertThat(batch.events().get(1).get("eventId").asText()).isEqualTo(b.eventId());
    assertThat(a.eventId()).isNotEqualTo(b.eventId());
  }
}
