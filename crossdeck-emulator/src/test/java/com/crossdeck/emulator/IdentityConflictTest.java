package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.anonymousEvent;
import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.event;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The identity graph is as conservative as the real service must be: no alias ever puts two
 * different developer user ids on one customer, and a customer id the emulator never issued never
 * attributes an event or creates a customer.
 */
class IdentityConflictTest {

  @RegisterExtension static CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  private Reply alias(String userId, String field, String value) {
    return client.alias(Batches.json(Batches.object().put("userId", userId).put(field, value)));
  }

  private String customerOf(String identifier) {
    return emulator.customerId(identifier).orElseThrow();
  }

  private void storeAndWait(ObjectNode... events) {
    long before = emulator.storedEventCount();
    client.postEvents(batch(events));
    emulator.awaitEvents((int) before + events.length, Duration.ofSeconds(5));
  }

  private static void assertRefused(Reply reply, String param) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(409);
    JsonNode error = reply.error();
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("code").asText()).isEqualTo("identity_conflict");
    assertThat(error.path("param").asText()).isEqualTo(param);
    assertThat(error.path("index").isNull()).isTrue();
    assertThat(error.path("message").asText()).contains("Nothing was linked");
    assertThat(error.path("request_id").asText()).isEqualTo(reply.header("x-request-id"));
  }

  @Test
  void refusesAnAliasThatWouldPutASecondUserOnTheCustomerOfAnAnonymousId() {
    storeAndWait(anonymousEvent("page_view", "anon_victim_77"));
    alias("user_ada", "anonymousId", "anon_victim_77");
    String adasCustomer = customerOf("user_ada");

    Reply reply = alias("user_grace", "anonymousId", "anon_victim_77");

    assertRefused(reply, "anonymousId");
    assertThat(customerOf("anon_victim_77")).isEqualTo(adasCustomer);
    assertThat(emulator.customerId("user_grace")).isEmpty();
    assertThat(client.get("/v1/customers/user_ada").json().path("identifiers").toString())
        .doesNotContain("user_grace");
  }

  @Test
  void keepsAdasEventsOffGracesTimelineAfterTheRefusal() {
    storeAndWait(anonymousEvent("page_view", "anon_victim_77"));
    alias("user_ada", "anonymousId", "anon_victim_77");
    storeAndWait(userEvent("dashboard_rendered", "user_grace"));

    alias("user_grace", "anonymousId", "anon_victim_77");
    storeAndWait(anonymousEvent("pricing_viewed", "anon_victim_77"));

    assertThat(emulator.timeline("user_grace"))
        .extracting(StoredEvent::name)
        .containsExactly("dashboard_rendered");
    assertThat(emulator.timeline("user_ada"))
        .extracting(StoredEvent::name)
        .containsExactly("page_view", "pricing_viewed");
  }

  @Test
  void refusesAnAliasThatWouldMergeTwoSignedInCustomers() {
    alias("user_a", "anonymousId", "anon_a");
    alias("user_b", "anonymousId", "anon_b");

    assertRefused(alias("user_a", "anonymousId", "anon_b"), "anonymousId");
    assertThat(customerOf("anon_b"))
        .isEqualTo(customerOf("user_b"))
        .isNotEqualTo(customerOf("user_a"));
  }

  @Test
  void refusesAnAliasOntoAnotherUsersCustomerId() {
    alias("user_a", "anonymousId", "anon_a");

    assertRefused(
        alias("user_b", "crossdeckCustomerId", customerOf("user_a")), "crossdeckCustomerId");
  }

  @Test
  void acceptsTheSameAliasAgain() {
    alias("user_a", "anonymousId", "anon_a");

    assertThat(alias("user_a", "anonymousId", "anon_a").status()).isEqualTo(200);
  }

  @Test
  void saysOnTheTimelinePageThatTheAliasWasRefused() {
    alias("user_ada", "anonymousId", "anon_victim_77");
    alias("user_grace", "anonymousId", "anon_victim_77");

    String page = client.get("/customers/anon_victim_77").body();

    assertThat(page).contains("Refused alias").contains("user_grace").contains("anon_victim_77");
  }

  @Test
  void refusesAnAliasNamingACustomerIdTheEmulatorNeverIssued() {
    Reply reply = alias("user_x", "crossdeckCustomerId", "cdcust_forged");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error().path("code").asText()).isEqualTo("resource_missing");
    assertThat(reply.error().path("param").asText()).isEqualTo("crossdeckCustomerId");
    assertThat(emulator.customerId("user_x")).isEmpty();
    assertThat(emulator.customerId("cdcust_forged")).isEmpty();
  }

  @Test
  void storesAnEventWithAForgedCustomerIdButAttributesItToNoCustomer() {
    storeAndWait(userEvent("signup", "user_ada"));

    storeAndWait(event("account_viewed").put("crossdeckCustomerId", "user_ada"));

    StoredEvent forged = emulator.events().get(1);
    assertThat(forged.name()).isEqualTo("account_viewed");
    assertThat(forged.customerId()).isNull();
    assertThat(emulator.timeline("user_ada"))
        .extracting(StoredEvent::name)
        .containsExactly("signup");
    assertThat(
            client
                .get("/v1/customers/user_ada/timeline")
                .json()
                .path("data")
                .findValuesAsText("name"))
        .containsExactly("signup");
  }

  @Test
  void neverCreatesACustomerWithAForgedCdcustId() {
    storeAndWait(event("account_viewed").put("crossdeckCustomerId", "cdcust_forged"));

    assertThat(emulator.customerId("cdcust_forged")).isEmpty();
    assertThat(client.get("/v1/customers/cdcust_forged").status()).isEqualTo(404);
    assertThat(client.get("/v1/customers/cdcust_forged/timeline").status()).isEqualTo(404);
  }

  @Test
  void listsUnattributedEventsOnTheTimelinePage() {
    storeAndWait(event("account_viewed").put("crossdeckCustomerId", "cdcust_forged"));

    String page = client.get("/").body();

    assertThat(page).contains("Not attributed to any customer").contains("cdcust_forged");
  }

  @Test
  void resolvesIssuedCustomerIdsAndKnownIdentifiersOnTheReadSide() {
    alias("user_a", "anonymousId", "anon_a");
    String customerId = customerOf("user_a");

    assertThat(client.get("/v1/customers/" + customerId).status()).isEqualTo(200);
    assertThat(client.get("/v1/customers/anon_a").json().path("id").asText()).isEqualTo(customerId);
    assertThat(client.get("/v1/customers/user_unknown").status()).isEqualTo(404);
  }
}
