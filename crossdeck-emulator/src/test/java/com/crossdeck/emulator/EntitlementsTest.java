package com.crossdeck.emulator;

import static com.crossdeck.emulator.ErrorAssertions.assertInvalidRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Entitlements, manual grants and revokes, and audit entries over HTTP, with the contract's shapes
 * (contract-extended §2–§3): {@code validUntil} and {@code updatedAt} in epoch seconds.
 */
class EntitlementsTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final long START_SECONDS = START.getEpochSecond();
  private static final MutableClock clock = new MutableClock(START);

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().clock(clock))
          .allowedOrigins("http://localhost:8080");

  private final ApiClient client = new ApiClient(emulator.timelineUrl());
  private String customerId;

  @BeforeEach
  void aSignedInUser() {
    clock.set(START);
    customerId =
        client
            .alias("{\"userId\":\"user_847\",\"anonymousId\":\"anon_847\"}")
            .json()
            .path("crossdeckCustomerId")
            .asText();
  }

  private Reply grant(String customer, String body, String... headers) {
    return client.postWithKey("/v1/server/customers/" + customer + "/grant", body, headers);
  }

  private Reply revoke(String customer, String body) {
    return client.postWithKey("/v1/server/customers/" + customer + "/revoke", body);
  }

  private Reply entitlements(String query) {
    return client.get("/v1/entitlements?" + query, "Authorization", "Bearer " + ApiClient.KEY);
  }

  @Test
  void grantsAnEntitlementForThirtyDaysWithTheMutationShape() {
    Reply reply =
        grant(
            customerId,
            "{\"entitlementKey\":\"pro\",\"duration\":\"P30D\","
                + "\"reason\":\"Support recovery after billing incident\"}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.body().strip())
        .isEqualTo(
            "{\"object\":\"entitlement_mutation\",\"action\":\"grant\",\"crossdeckCustomerId\":\""
                + customerId
                + "\",\"entitlement\":{\"object\":\"entitlement\",\"key\":\"pro\",\"isActive\":true,"
                + "\"validUntil\":"
                + (START_SECONDS + 30 * 86_400)
                + ",\"source\":{\"rail\":\"manual\",\"productId\":\"manual\","
                + "\"subscriptionId\":\"manual:server_api\"},\"updatedAt\":"
                + START_SECONDS
                + "},\"env\":\"sandbox\"}");
  }

  @Test
  void showsAGrantOnTheNextReadByUserIdAndAnonymousId() {
    grant(customerId, "{\"entitlementKey\":\"pro\",\"duration\":\"lifetime\",\"reason\":\"r\"}");

    JsonNode list = entitlements("userId=user_847&anonymousId=anon_847").json();

    assertThat(list.path("object").asText()).isEqualTo("list");
    assertThat(list.path("crossdeckCustomerId").asText()).isEqualTo(customerId);
    assertThat(list.path("env").asText()).isEqualTo("sandbox");
    assertThat(list.path("data").get(0).path("key").asText()).isEqualTo("pro");
    assertThat(list.path("data").get(0).path("isActive").booleanValue()).isTrue();
    assertThat(list.path("data").get(0).path("validUntil").isNull()).isTrue();
  }

  @Test
  void readsEntitlementsByIssuedCustomerIdOnTheServerRoute() {
    grant(customerId, "{\"entitlementKey\":\"pro\",\"duration\":\"P1Y\",\"reason\":\"r\"}");

    JsonNode list =
        client
            .get(
                "/v1/server/customers/" + customerId + "/entitlements",
                "Authorization",
                "Bearer " + ApiClient.KEY)
            .json();

    assertThat(list.path("crossdeckCustomerId").asText()).isEqualTo(customerId);
    assertThat(list.path("data").get(0).path("validUntil").longValue())
        .isEqualTo(Instant.parse("2027-01-01T00:00:00Z").getEpochSecond());
  }

  @Test
  void revokesAnEntitlementWhichStaysListedInactive() {
    grant(customerId, "{\"entitlementKey\":\"pro\",\"duration\":\"P30D\",\"reason\":\"r\"}");

    Reply reply = revoke(customerId, "{\"entitlementKey\":\"pro\",\"reason\":\"Refunded\"}");

    assertThat(reply.json().path("action").asText()).isEqualTo("revoke");
    assertThat(reply.json().path("entitlement").path("isActive").booleanValue()).isFalse();
    assertThat(
            entitlements("userId=user_847")
                .json()
                .path("data")
                .get(0)
                .path("isActive")
                .booleanValue())
        .isFalse();
  }

  @Test
  void readsAnExpiredGrantAsInactive() {
    grant(customerId, "{\"entitlementKey\":\"pro\",\"duration\":\"P30D\",\"reason\":\"r\"}");
    clock.advance(Duration.ofDays(31));

    JsonNode pro = entitlements("userId=user_847").json().path("data").get(0);

    assertThat(pro.path("isActive").booleanValue()).isFalse();
    assertThat(pro.path("validUntil").longValue()).isEqualTo(START_SECONDS + 30 * 86_400);
  }

  @Test
  void showsAnExpiredGrantAsExpiredOnTheTimelinePage() {
    grant(customerId, "{\"entitlementKey\":\"pro\",\"duration\":\"P30D\",\"reason\":\"r\"}");
    clock.advance(Duration.ofDays(31));

    assertThat(client.get("/customers/user_847").body()).contains("<td>expired</td>");
  }

  @Test
  void writesAnAuditEntryForEveryGrantAndRevoke() {
    grant(customerId, "{\"entitlementKey\":\"pro\",\"duration\":\"P30D\",\"reason\":\"Promo\"}");
    revoke(customerId, "{\"entitlementKey\":\"pro\",\"reason\":\"Refunded\"}");
    revoke(customerId, "{\"entitlementKey\":\"pro\",\"reason\":\"Again\"}");

    assertThat(emulator.auditEntries())
        .extracting(
            entry ->
                entry.eventType()
                    + " "
                    + entry.fromState()
                    + "->"
                    + entry.toState()
                    + " "
                    + entry.decision())
        .containsExactly(
            "entitlement.granted_manually none->active applied",
            "entitlement.revoked_manually active->inactive applied",
            "entitlement.revoked_manually inactive->inactive no_op");
  }

  @Test
  void servesAnAuditEntryWithTheContractShape() {
    grant(customerId, "{\"entitlementKey\":\"pro\",\"duration\":\"P30D\",\"reason\":\"Promo\"}");
    String eventId = emulator.auditEntries().get(0).eventId();

    JsonNode entry =
        client
            .get("/v1/server/audit/" + eventId, "Authorization", "Bearer " + ApiClient.KEY)
            .json();

    assertThat(entry.path("object").asText()).isEqualTo("audit_entry");
    JsonNode data = entry.path("data");
    assertThat(data.path("eventId").asText()).isEqualTo(eventId).startsWith("aud_");
    assertThat(data.path("rail").asText()).isEqualTo("manual");
    assertThat(data.path("env").asText()).isEqualTo("sandbox");
    assertThat(data.path("eventType").asText()).isEqualTo("entitlement.granted_manually");
    assertThat(data.path("projectId").asText()).isEqualTo("proj_emulator");
    assertThat(data.path("customerId").asText()).isEqualTo(customerId);
    assertThat(data.path("decision").asText()).isEqualTo("applied");
    assertThat(data.path("reason").asText()).isEqualTo("Promo");
    assertThat(data.path("signatureVerified").booleanValue()).isTrue();
    assertThat(data.path("reconciledWithProvider").booleanValue()).isFalse();
    assertThat(data.path("processedAt").longValue()).isEqualTo(START.toEpochMilli());
  }

  @Test
  void answersAnUnknownAuditEntryWith404() {
    Reply reply =
        client.get("/v1/server/audit/aud_nothing", "Authorization", "Bearer " + ApiClient.KEY);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error().path("param").asText()).isEqualTo("eventId");
  }

  @Test
  void replaysAGrantSentAgainWithTheSameIdempotencyKeyAndAuditsItOnce() {
    String body = "{\"entitlementKey\":\"pro\",\"duration\":\"P30D\",\"reason\":\"r\"}";
    Reply first = grant(customerId, body, "Idempotency-Key", "grant_1");
    Reply replay = grant(customerId, body, "Idempotency-Key", "grant_1");

    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(emulator.auditEntries()).hasSize(1);
    assertInvalidRequest(
        grant(
            customerId,
            "{\"entitlementKey\":\"team\",\"duration\":\"P30D\"}",
            "Idempotency-Key",
            "grant_1"),
        "idempotency_key_in_use",
        null,
        null);
  }

  @Test
  void needsNoIdempotencyKeyToGrant() {
    assertThat(grant(customerId, "{\"entitlementKey\":\"pro\",\"duration\":\"P90D\"}").status())
        .isEqualTo(200);
  }

  @Test
  void refusesAGrantWithoutAnEntitlementKey() {
    assertInvalidRequest(
        grant(customerId, "{\"duration\":\"P30D\"}"),
        "missing_entitlement",
        "entitlementKey",
        null);
  }

  @Test
  void refusesAGrantWithoutADuration() {
    assertInvalidRequest(
        grant(customerId, "{\"entitlementKey\":\"pro\"}"),
        "missing_required_param",
        "duration",
        null);
  }

  @Test
  void refusesADurationThatIsNotAPeriod() {
    assertInvalidRequest(
        grant(customerId, "{\"entitlementKey\":\"pro\",\"duration\":\"30 days\"}"),
        "invalid_param_value",
        "duration",
        null);
    assertInvalidRequest(
        grant(customerId, "{\"entitlementKey\":\"pro\",\"duration\":\"P0D\"}"),
        "invalid_param_value",
        "duration",
        null);
    assertInvalidRequest(
        grant(customerId, "{\"entitlementKey\":\"pro\",\"duration\":\"P9000Y\"}"),
        "invalid_param_value",
        "duration",
        null);
  }

  @Test
  void answersAGrantToACustomerIdNeverIssuedWith404() {
    Reply reply = grant("cdcust_forged", "{\"entitlementKey\":\"pro\",\"duration\":\"P30D\"}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error().path("code").asText()).isEqualTo("resource_missing");
    assertThat(reply.error().path("param").asText()).isEqualTo("customerId");
  }

  @Test
  void refusesAPublishableKeyOnTheServerRoutes() {
    Reply reply =
        client.post(
            "/v1/server/customers/" + customerId + "/grant",
            "{\"entitlementKey\":\"pro\",\"duration\":\"P30D\"}",
            "Authorization",
            "Bearer cd_pub_test_web",
            "Origin",
            "http://localhost:8080");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error().path("code").asText()).isEqualTo("invalid_api_key");
    assertThat(emulator.entitlements("user_847")).isEmpty();
  }

  @Test
  void letsAPublishableKeyReadEntitlementsFromAnAllowedOrigin() {
    Reply reply =
        client.get(
            "/v1/entitlements?anonymousId=anon_847",
            "Authorization",
            "Bearer cd_pub_test_web",
            "Origin",
            "http://localhost:8080");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("crossdeckCustomerId").asText()).isEqualTo(customerId);
  }

  @Test
  void createsTheCustomerOfAnUnknownUserOnARead() {
    JsonNode list = entitlements("userId=user_new").json();

    assertThat(list.path("data").isEmpty()).isTrue();
    assertThat(emulator.customerId("user_new")).contains(list.path("crossdeckCustomerId").asText());
  }

  @Test
  void answersACustomerIdNeverIssuedWith404OnARead() {
    Reply reply = entitlements("customerId=cdcust_forged");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(emulator.customerId("cdcust_forged")).isEmpty();
  }

  @Test
  void needsAnIdentityToReadEntitlements() {
    assertInvalidRequest(
        client.get("/v1/entitlements", "Authorization", "Bearer " + ApiClient.KEY),
        "missing_identity",
        "customerId",
        null);
  }

  @Test
  void grantsAndRevokesFromJavaForTests() {
    Entitlement granted = emulator.grant("user_847", "pro", "P30D");

    assertThat(granted.grantsAccessAt(START)).isTrue();
    assertThat(granted.validUntil()).isEqualTo(START.plus(Duration.ofDays(30)));
    assertThat(emulator.entitlements(customerId)).containsExactly(granted);
    assertThat(emulator.revoke("anon_847", "pro").active()).isFalse();
    assertThat(emulator.entitlements("user_847"))
        .extracting(Entitlement::active)
        .containsExactly(false);
  }

  @Test
  void grantsFromJavaToAUserThatDoesNotExistYet() {
    emulator.grant("user_later", "pro", "lifetime");

    JsonNode list = entitlements("userId=user_later").json();

    assertThat(list.path("data").get(0).path("isActive").booleanValue()).isTrue();
  }

  @Test
  void keepsAnEntitlementThroughAMerge() {
    client.postEvents(Batches.batch(Batches.anonymousEvent("page_view", "anon_late")));
    emulator.awaitEvents(1, Duration.ofSeconds(5));
    emulator.grant("anon_late", "trial", "P30D");

    client.alias("{\"userId\":\"user_847\",\"anonymousId\":\"anon_late\"}");

    assertThat(emulator.entitlements("user_847"))
        .extracting(Entitlement::key)
        .containsExactly("trial");
  }

  @Test
  void listsEntitlementsAndAuditIdsOnTheReadSide() {
    grant(customerId, "{\"entitlementKey\":\"pro\",\"duration\":\"P30D\",\"reason\":\"r\"}");

    JsonNode customer = client.get("/v1/customers/anon_847").json();

    assertThat(customer.path("entitlements").get(0).path("key").asText()).isEqualTo("pro");
    assertThat(customer.path("auditEventIds").get(0).asText())
        .isEqualTo(emulator.auditEntries().get(0).eventId());
  }

  @Test
  void showsEntitlementsAndAuditIdsOnTheTimelinePage() {
    grant(customerId, "{\"entitlementKey\":\"pro\",\"duration\":\"P30D\",\"reason\":\"r\"}");

    String page = client.get("/customers/user_847").body();

    assertThat(page)
        .contains("<strong>pro</strong>")
        .contains("active")
        .contains(emulator.auditEntries().get(0).eventId());
  }
}
