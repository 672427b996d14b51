package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.anonymousEvent;
import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReadSideTest {

  @RegisterExtension static CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  private void storeAnonymousThenAliasedUser() {
    client.postEvents(
        batch(
            anonymousEvent("page_view", "anon_1").put("timestamp", 2000).put("eventId", "evt_b"),
            anonymousEvent("landing", "anon_1").put("timestamp", 1000).put("eventId", "evt_a")));
    client.alias(
        Batches.json(Batches.object().put("userId", "user_1").put("anonymousId", "anon_1")));
    client.postEvents(
        batch(userEvent("signup", "user_1").put("timestamp", 3000).put("eventId", "evt_c")));
    emulator.awaitEvents(3, Duration.ofSeconds(5));
  }

  @Test
  void servesTheTimelineOldestFirstWithEachEventsSourceHint() {
    storeAnonymousThenAliasedUser();

    JsonNode timeline = client.get("/v1/customers/user_1/timeline").json();

    assertThat(timeline.path("object").asText()).isEqualTo("list");
    assertThat(timeline.path("customerId").asText())
        .isEqualTo(emulator.customerId("user_1").orElseThrow());
    assertThat(timeline.path("data").findValuesAsText("eventId"))
        .containsExactly("evt_a", "evt_b", "evt_c");
    JsonNode first = timeline.path("data").get(0);
    assertThat(first.path("name").asText()).isEqualTo("landing");
    assertThat(first.path("timestamp").longValue()).isEqualTo(1000);
    assertThat(first.path("source").path("field").asText()).isEqualTo("anonymousId");
    assertThat(first.path("source").path("value").asText()).isEqualTo("anon_1");
    assertThat(first.path("receivedAt").isNumber()).isTrue();
    assertThat(first.path("properties").isObject()).isTrue();
  }

  @Test
  void ordersEventsWithEqualTimestampsByStorageOrder() {
    client.postEvents(batch(userEvent("first", "user_1").put("timestamp", 5)));
    client.postEvents(batch(userEvent("second", "user_1").put("timestamp", 5)));
    emulator.awaitEvents(2, Duration.ofSeconds(5));

    assertThat(emulator.timeline("user_1"))
        .extracting(StoredEvent::name)
        .containsExactly("first", "second");
  }

  @Test
  void findsTheCustomerByAnyOfItsIdentifiers() {
    storeAnonymousThenAliasedUser();
    String customerId = emulator.customerId("user_1").orElseThrow();

    for (String identifier : new String[] {"user_1", "anon_1", customerId}) {
      JsonNode customer = client.get("/v1/customers/" + identifier).json();
      assertThat(customer.path("id").asText()).as(identifier).isEqualTo(customerId);
    }
  }

  @Test
  void describesTheCustomerWithItsIdentifiersAndEventCount() {
    storeAnonymousThenAliasedUser();

    JsonNode customer = client.get("/v1/customers/user_1").json();

    assertThat(customer.path("object").asText()).isEqualTo("customer");
    assertThat(customer.path("identifiers").findValuesAsText("id")).contains("user_1", "anon_1");
    assertThat(customer.path("eventCount").intValue()).isEqualTo(3);
    assertThat(customer.path("env").asText()).isEqualTo("sandbox");
  }

  @Test
  void answers404ForAnUnknownIdentifier() {
    Reply reply = client.get("/v1/customers/nobody/timeline");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error().path("code").asText()).isEqualTo("resource_missing");
    assertThat(emulator.timeline("nobody")).isEmpty();
    assertThat(emulator.customerId("nobody")).isEmpty();
  }

  @Test
  void decodesPercentEncodedIdentifiers() {
    client.postEvents(batch(userEvent("signup", "team/ada lovelace+1")));
    emulator.awaitEvents(1, Duration.ofSeconds(5));

    Reply reply = client.get("/v1/customers/team%2Fada%20lovelace%2B1/timeline");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("data")).hasSize(1);
  }

  @Test
  void readsProductionDataWithTheEnvParameter() {
    client.post(
        "/v1/events",
        Batches.json(Batches.envelope(userEvent("signup", "user_1"))),
        "Authorization",
        "Bearer cd_sk_live_emulator");
    emulator.awaitEvents(1, Duration.ofSeconds(5));

    assertThat(client.get("/v1/customers/user_1/timeline").status()).isEqualTo(404);
    assertThat(client.get("/v1/customers/user_1/timeline?env=production").json().path("data"))
        .hasSize(1);
    assertThat(emulator.timeline("user_1", Environment.PRODUCTION)).hasSize(1);
  }

  @Test
  void rejectsAnUnknownEnvParameter() {
    Reply reply = client.get("/v1/customers/user_1?env=staging");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error().path("param").asText()).isEqualTo("env");
  }

  @Test
  void answers404ForAnUnknownRoute() {
    Reply reply = client.get("/v1/nothing-here");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error().path("code").asText()).isEqualTo("route_not_found");
  }

  @Test
  void answers405ForAKnownPathWithTheWrongMethod() {
    Reply reply = client.get("/v1/events", "Authorization", "Bearer " + ApiClient.KEY);

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.error().path("code").asText()).isEqualTo("method_not_allowed");
  }
}
