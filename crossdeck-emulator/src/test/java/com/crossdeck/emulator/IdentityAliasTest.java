package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.anonymousEvent;
import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static com.crossdeck.emulator.ErrorAssertions.assertInvalidRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdentityAliasTest {

  @RegisterExtension static CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  private static String alias(String userId, String anonymousId) {
    return Batches.json(Batches.object().put("userId", userId).put("anonymousId", anonymousId));
  }

  private static ObjectNode at(ObjectNode event, long timestamp) {
    return event.put("timestamp", timestamp);
  }

  @Test
  void answersWithAnAliasResult() {
    JsonNode result = client.alias(alias("user_1", "anon_1")).json();

    assertThat(result.path("object").asText()).isEqualTo("alias_result");
    assertThat(result.path("crossdeckCustomerId").asText()).startsWith("cdcust_");
    assertThat(result.path("linked").toString())
        .isEqualTo(
            "[{\"type\":\"developer\",\"id\":\"user_1\"},{\"type\":\"anonymous\",\"id\":\"anon_1\"}]");
    assertThat(result.path("mergePending").asBoolean()).isFalse();
    assertThat(result.path("env").asText()).isEqualTo("sandbox");
  }

  @Test
  void resolvesEveryLinkedIdentifierToTheSameCustomer() {
    String customerId =
        client.alias(alias("user_1", "anon_1")).json().path("crossdeckCustomerId").asText();

    assertThat(emulator.customerId("user_1")).contains(customerId);
    assertThat(emulator.customerId("anon_1")).contains(customerId);
    assertThat(emulator.customerId(customerId)).contains(customerId);
  }

  @Test
  void backAttributesAnonymousEventsSentJustBeforeTheAlias() {
    client.postEvents(
        batch(
            at(anonymousEvent("page_view", "anon_1"), 1000),
            at(anonymousEvent("add_to_cart", "anon_1"), 2000)));
    client.alias(alias("user_1", "anon_1"));
    client.postEvents(batch(at(userEvent("checkout", "user_1"), 3000)));
    emulator.awaitEvents(3, Duration.ofSeconds(5));

    assertThat(emulator.timeline("user_1"))
        .extracting(event -> event.name() + " via " + event.identity())
        .containsExactly(
            "page_view via anonymousId=anon_1",
            "add_to_cart via anonymousId=anon_1",
            "checkout via developerUserId=user_1");
  }

  @Test
  void reportsTheCustomerAnEventResolvesToNowNotWhenItWasStored() {
    client.postEvents(batch(anonymousEvent("page_view", "anon_1")));
    String anonymousCustomer = emulator.awaitEvents(1, Duration.ofSeconds(5)).get(0).customerId();
    client.postEvents(batch(userEvent("signup", "user_1")));
    String userCustomer = emulator.awaitEvents(2, Duration.ofSeconds(5)).get(1).customerId();

    String survivor =
        client.alias(alias("user_1", "anon_1")).json().path("crossdeckCustomerId").asText();

    assertThat(survivor).isEqualTo(anonymousCustomer).isNotEqualTo(userCustomer);
    assertThat(emulator.events()).extracting(StoredEvent::customerId).containsOnly(survivor);
  }

  @Test
  void keepsTheOlderCustomerWhenTheAnonymousVisitorCameFirst() {
    client.postEvents(batch(anonymousEvent("page_view", "anon_1")));
    client.postEvents(batch(userEvent("signup", "user_1")));
    String anonymousCustomer = emulator.awaitEvents(2, Duration.ofSeconds(5)).get(0).customerId();

    String survivor =
        client.alias(alias("user_1", "anon_1")).json().path("crossdeckCustomerId").asText();

    assertThat(survivor).isEqualTo(anonymousCustomer);
  }

  @Test
  void keepsTheOlderCustomerWhenTheUserCameFirst() {
    client.postEvents(batch(userEvent("signup", "user_1")));
    client.postEvents(batch(anonymousEvent("page_view", "anon_1")));
    String userCustomer = emulator.awaitEvents(2, Duration.ofSeconds(5)).get(0).customerId();

    String survivor =
        client.alias(alias("user_1", "anon_1")).json().path("crossdeckCustomerId").asText();

    assertThat(survivor).isEqualTo(userCustomer);
  }

  @Test
  void resolvesTheMergedCustomersIdToTheSurvivor() {
    client.postEvents(batch(anonymousEvent("page_view", "anon_1")));
    client.postEvents(batch(userEvent("signup", "user_1")));
    String mergedAway = emulator.awaitEvents(2, Duration.ofSeconds(5)).get(1).customerId();

    String survivor =
        client.alias(alias("user_1", "anon_1")).json().path("crossdeckCustomerId").asText();

    assertThat(emulator.customerId(mergedAway)).contains(survivor);
  }

  @Test
  void recordsTheMergeOnTheSurvivingCustomer() {
    client.postEvents(batch(anonymousEvent("page_view", "anon_1")));
    client.postEvents(batch(userEvent("signup", "user_1")));
    String mergedAway = emulator.awaitEvents(2, Duration.ofSeconds(5)).get(1).customerId();
    client.alias(alias("user_1", "anon_1"));

    JsonNode customer = client.get("/v1/customers/user_1").json();

    assertThat(customer.path("mergedFrom").toString()).isEqualTo("[\"" + mergedAway + "\"]");
    assertThat(customer.path("eventCount").intValue()).isEqualTo(2);
  }

  @Test
  void linksAUserToAnExistingCustomerId() {
    client.postEvents(batch(anonymousEvent("page_view", "anon_1")));
    String customerId = emulator.awaitEvents(1, Duration.ofSeconds(5)).get(0).customerId();

    client.alias(
        Batches.json(
            Batches.object().put("userId", "user_1").put("crossdeckCustomerId", customerId)));

    assertThat(emulator.timeline("user_1"))
        .extracting(StoredEvent::name)
        .containsExactly("page_view");
  }

  @Test
  void storesEmailAndTraitsOnTheCustomer() {
    ObjectNode body = Batches.object().put("userId", "user_1").put("anonymousId", "anon_1");
    body.put("email", "ada@example.com").putObject("traits").put("plan", "pro");
    client.alias(Batches.json(body));

    JsonNode customer = client.get("/v1/customers/anon_1").json();

    assertThat(customer.path("email").asText()).isEqualTo("ada@example.com");
    assertThat(customer.path("traits").path("plan").asText()).isEqualTo("pro");
  }

  @Test
  void rejectsAliasWithoutUserIdAsMissingUserId() {
    Reply reply = client.alias(Batches.json(Batches.object().put("anonymousId", "anon_1")));

    assertInvalidRequest(reply, "missing_user_id", "userId", null);
  }

  @Test
  void rejectsAliasWithBlankUserIdAsMissingUserId() {
    assertInvalidRequest(client.alias(alias(" ", "anon_1")), "missing_user_id", "userId", null);
  }

  @Test
  void rejectsAliasWithoutAnonymousIdAsMissingAnonymousId() {
    Reply reply = client.alias(Batches.json(Batches.object().put("userId", "user_1")));

    assertInvalidRequest(reply, "missing_anonymous_id", "anonymousId", null);
  }

  @Test
  void rejectsAliasWithoutAKey() {
    Reply reply = client.post("/v1/identity/alias", alias("user_1", "anon_1"));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error().path("code").asText()).isEqualTo("missing_api_key");
  }
}
