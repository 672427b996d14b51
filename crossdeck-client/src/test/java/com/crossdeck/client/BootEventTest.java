package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdeck.client.internal.errors.ProcessAnonymousId;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code sdk.boot} event and its {@code durability.*} facts (extended contract §2.7). */
class BootEventTest extends MockServerTest {

  private JsonNode bootEvent(CrossdeckServer client) {
    clock.advance(Duration.ofSeconds(10));
    await().until(() -> client.diagnostics().delivery().accepted() == 1);
    client.flush(Duration.ofSeconds(5));
    for (int i = 0; i < 2; i++) {
      mockwebserver3.RecordedRequest request = nextRequest();
      if (request.getUrl().encodedPath().endsWith("/events")) {
        return RecordedBatch.of(request).events().get(0);
      }
    }
    throw new AssertionError("no sdk.boot batch");
  }

  @Test
  void isSentWhenTheBootHeartbeatRunsWithTheDurabilityFacts() {
    CrossdeckServer client =
        client(
            options ->
                options
                    .bootHeartbeat(true)
                    .environmentVariables(Map.of())
                    .entitlementCacheTtl(Duration.ofSeconds(30)));
    client.register(Map.of("region", "eu"));

    JsonNode event = bootEvent(client);

    assertThat(event.get("name").asText()).isEqualTo("sdk.boot");
    assertThat(event.get("anonymousId").asText()).isEqualTo(ProcessAnonymousId.get());
    assertThat(event.get("properties").toString())
        .isEqualTo(
            "{\"region\":\"eu\",\"durability.entitlementStore\":false,"
                + "\"durability.coldStartDurable\":true,\"durability.runtimeIsServerless\":false,"
                + "\"durability.runtimeHost\":\"jvm\",\"durability.entitlementCacheTtlMs\":30000}");
  }

  @Test
  void onAServerlessHostWithoutAStoreAColdStartIsNotDurable() {
    CrossdeckServer lambda =
        client(
            options ->
                options
                    .bootHeartbeat(true)
                    .environmentVariables(Map.of("AWS_LAMBDA_FUNCTION_NAME", "checkout")));

    JsonNode properties = bootEvent(lambda).get("properties");

    assertThat(properties.get("durability.runtimeIsServerless").asBoolean()).isTrue();
    assertThat(properties.get("durability.runtimeHost").asText()).isEqualTo("aws-lambda");
    assertThat(properties.get("durability.coldStartDurable").asBoolean()).isFalse();
    assertThat(properties.get("durability.entitlementCacheTtlMs").asLong()).isEqualTo(60_000);
  }

  @Test
  void aStoreMakesAColdStartDurableEvenServerless() {
    CrossdeckServer lambda =
        client(
            options ->
                options
                    .bootHeartbeat(true)
                    .environmentVariables(Map.of("AWS_LAMBDA_FUNCTION_NAME", "checkout"))
                    .entitlementStore(new EntitlementCacheBehaviourTest.MapStore()));

    JsonNode properties = bootEvent(lambda).get("properties");

    assertThat(properties.get("durability.entitlementStore").asBoolean()).isTrue();
    assertThat(properties.get("durability.coldStartDurable").asBoolean()).isTrue();
  }
}
