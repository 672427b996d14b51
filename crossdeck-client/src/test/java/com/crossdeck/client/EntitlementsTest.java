package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Every entitlement call's exact request and response handling, against a local server. */
class EntitlementsTest extends MockServerTest {

  /** ManualClock's start, 2026-01-01T00:00:00Z, in epoch seconds. */
  static final long NOW_SECONDS = ManualClock.START_MILLIS / 1000;

  static MockResponse list(String customerId, String... entitlements) {
    return new MockResponse.Builder()
        .code(200)
        .body(
            "{\"object\":\"list\",\"data\":["
                + String.join(",", entitlements)
                + "],\"crossdeckCustomerId\":\""
                + customerId
                + "\",\"env\":\"sandbox\"}")
        .build();
  }

  static String entitlement(String key, boolean active, Long validUntil) {
    return "{\"object\":\"entitlement\",\"key\":\""
        + key
        + "\",\"isActive\":"
        + active
        + ",\"validUntil\":"
        + validUntil
        + ",\"source\":{\"rail\":\"stripe\",\"productId\":\"prod_pro\",\"subscriptionId\":\"sub_1\"},"
        + "\"updatedAt\":"
        + NOW_SECONDS
        + "}";
  }

  static MockResponse mutation(String action, String customerId, String key, boolean active) {
    return new MockResponse.Builder()
        .code(200)
        .body(
            "{\"object\":\"entitlement_mutation\",\"action\":\""
                + action
                + "\",\"crossdeckCustomerId\":\""
                + customerId
                + "\",\"entitlement\":{\"object\":\"entitlement\",\"key\":\""
                + key
                + "\",\"isActive\":"
                + active
                + ",\"validUntil\":null,\"source\":{\"rail\":\"manual\",\"productId\":\"manual\","
                + "\"subscriptionId\":\"manual:server_api\"},\"updatedAt\":"
                + NOW_SECONDS
                + "},\"env\":\"sandbox\"}")
        .build();
  }

  private static final IdentityHints USER = IdentityHints.forUser("user_847");

  @Test
  void getSendsEveryHintAsAQueryOfAGetAndReadsTheList() {
    dispatcher.then(list("cdcust_7f3a9c", entitlement("pro", true, null)));
    CrossdeckServer client = client();

    CustomerEntitlements answer =
        client
            .entitlements()
            .get(new IdentityHints("cdcust_7f3a9c", "user 847", "anon_k2f9x0a1b2c3d4e5f6"));

    RecordedRequest request = nextRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/entitlements");
    assertThat(request.getUrl().encodedQuery())
        .isEqualTo("customerId=cdcust_7f3a9c&userId=user+847&anonymousId=anon_k2f9x0a1b2c3d4e5f6");
    assertThat(request.getHeaders().get("Content-Type")).isNull();
    assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TEST_KEY);
    assertThat(answer.crossdeckCustomerId()).isEqualTo("cdcust_7f3a9c");
    assertThat(answer.environment()).isEqualTo("sandbox");
    assertThat(answer.entitlements())
        .containsExactly(
            new Entitlement(
                "pro",
                true,
                null,
                new Entitlement.Source("stripe", "prod_pro", "sub_1"),
                Instant.ofEpochSecond(NOW_SECONDS)));
  }

  @Test
  void leavesOutBlankHintsAndRefusesNoHintBeforeAnyRequest() {
    dispatcher.then(list("cdcust_1"));
    CrossdeckServer client = client();

    CrossdeckException none =
        catchThrowableOfType(
            CrossdeckException.class,
            () -> client.entitlements().get(new IdentityHints(" ", null, "")));
    client.entitlements().get(new IdentityHints("", "user_847", null));

    assertThat(none.type()).isEqualTo(ErrorCodes.TYPE_INVALID_REQUEST);
    assertThat(none.code()).isEqualTo(ErrorCodes.MISSING_IDENTITY);
    assertThat(nextRequest().getUrl().encodedQuery()).isEqualTo("userId=user_847");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void isEntitledReadsTheCacheOnlyByUserIdAliasCustomerIdOrBareId() {
    dispatcher.then(list("cdcust_7f3a9c", entitlement("pro", true, null)));
    CrossdeckServer client = client();
    CrossdeckEntitlements entitlements = client.entitlements();

    assertThat(entitlements.isEntitled(USER, "pro")).as("nothing cached yet").isFalse();
    entitlements.get(USER);
    int requests = server.getRequestCount();

    assertThat(entitlements.isEntitled(USER, "pro")).isTrue();
    assertThat(entitlements.isEntitled(IdentityHints.forCustomer("cdcust_7f3a9c"), "pro")).isTrue();
    assertThat(entitlements.isEntitled("user_847", "pro")).isTrue();
    assertThat(entitlements.isEntitled("cdcust_7f3a9c", "pro")).isTrue();
    assertThat(entitlements.isEntitled(USER, "team")).isFalse();
    assertThat(entitlements.isEntitled(IdentityHints.forUser("user_other"), "pro")).isFalse();
    assertThat(entitlements.list(USER)).extracting(Entitlement::key).containsExactly("pro");
    assertThat(server.getRequestCount()).as("no I/O").isEqualTo(requests);
  }

  @Test
  void anInactiveOrExpiredEntitlementGrantsNothingButIsListed() {
    dispatcher.then(
        list(
            "cdcust_1",
            entitlement("inactive", false, null),
            entitlement("expiring", true, NOW_SECONDS + 60),
            entitlement("expired", true, NOW_SECONDS - 1)));
    CrossdeckServer client = client();
    client.entitlements().get(USER);

    assertThat(client.entitlements().isEntitled(USER, "inactive")).isFalse();
    assertThat(client.entitlements().isEntitled(USER, "expired")).isFalse();
    assertThat(client.entitlements().isEntitled(USER, "expiring")).isTrue();
    clock.advance(Duration.ofSeconds(60));
    assertThat(client.entitlements().isEntitled(USER, "expiring"))
        .as("validUntil is epoch seconds, compared with the injected clock")
        .isFalse();
    assertThat(client.entitlements().list(USER)).hasSize(3);
  }

  @Test
  void readsAMillisecondValidUntilAsMillisecondsSoItStillExpires() {
    dispatcher.then(list("cdcust_1", entitlement("pro", true, ManualClock.START_MILLIS + 60_000)));
    CrossdeckServer client = client();

    CustomerEntitlements answer = client.entitlements().get(USER);

    assertThat(answer.entitlements().get(0).validUntil())
        .isEqualTo(Instant.ofEpochMilli(ManualClock.START_MILLIS + 60_000));
    clock.advance(Duration.ofSeconds(61));
    assertThat(client.entitlements().isEntitled(USER, "pro")).isFalse();
  }

  @Test
  void getForCustomerEncodesTheIdAsOnePathSegment() {
    dispatcher.then(list("cdcust_x/y", entitlement("pro", true, null)));
    CrossdeckServer client = client();

    client.entitlements().getForCustomer("cdcust_x/y z");

    RecordedRequest request = nextRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/v1/server/customers/cdcust_x%2Fy%20z/entitlements");
    assertThat(client.entitlements().isEntitled(IdentityHints.forCustomer("cdcust_x/y"), "pro"))
        .isTrue();
    assertThat(
            catchThrowableOfType(
                    CrossdeckException.class, () -> client.entitlements().getForCustomer(""))
                .code())
        .isEqualTo(ErrorCodes.MISSING_CUSTOMER_ID);
  }

  @Test
  void readsAreRetriedOnA503AndATransportFailureButNotOnA429() {
    dispatcher.thenError(503, "internal_error", "internal_error");
    dispatcher.thenError(502, "internal_error", "internal_error");
    dispatcher.then(list("cdcust_1", entitlement("pro", true, null)));
    dispatcher.thenError(429, "rate_limit_error", "rate_limited");
    CrossdeckServer client = client();

    CustomerEntitlements answer = whileTimePasses(() -> client.entitlements().get(USER));
    CrossdeckException limited =
        catchThrowableOfType(
            CrossdeckException.class, () -> whileTimePasses(() -> client.entitlements().get(USER)));

    assertThat(answer.crossdeckCustomerId()).isEqualTo("cdcust_1");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(server.getRequestCount()).as("3 attempts, then 1").isEqualTo(4);
  }

  @Test
  void aReadGivesUpAfterThreeAttempts() {
    for (int i = 0; i < 3; i++) {
      dispatcher.thenError(503, "internal_error", "internal_error");
    }
    CrossdeckServer client = client();

    CrossdeckException error =
        catchThrowableOfType(
            CrossdeckException.class, () -> whileTimePasses(() -> client.entitlements().get(USER)));

    assertThat(error.status()).isEqualTo(503);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void grantPostsTheThreeFieldsOnceWithoutAnIdempotencyKey() {
    dispatcher.then(mutation("grant", "cdcust_7f3a9c", "pro", true));
    CrossdeckServer client = client();

    EntitlementMutation result =
        client
            .entitlements()
            .grant(
                EntitlementGrant.forPeriod(
                    "cdcust_7f3a9c", "pro", java.time.Period.ofDays(30), "Support recovery"));

    RecordedRequest request = nextRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/v1/server/customers/cdcust_7f3a9c/grant");
    assertThat(request.getBody().utf8())
        .isEqualTo(
            "{\"entitlementKey\":\"pro\",\"duration\":\"P30D\",\"reason\":\"Support recovery\"}");
    assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(result.action()).isEqualTo("grant");
    assertThat(result.crossdeckCustomerId()).isEqualTo("cdcust_7f3a9c");
    assertThat(result.entitlement().key()).isEqualTo("pro");
    assertThat(result.entitlement().active()).isTrue();
    assertThat(result.entitlement().source())
        .isEqualTo(new Entitlement.Source("manual", "manual", "manual:server_api"));
    assertThat(result.environment()).isEqualTo("sandbox");
  }

  @Test
  void aFailedGrantIsNotRetried() {
    dispatcher.thenError(503, "internal_error", "internal_error");
    CrossdeckServer client = client();

    CrossdeckException error =
        catchThrowableOfType(
            CrossdeckException.class,
            () ->
                client.entitlements().grant(EntitlementGrant.lifetime("cdcust_1", "pro", "promo")));

    assertThat(error.status()).isEqualTo(503);
    assertThat(nextRequest().getBody().utf8())
        .isEqualTo("{\"entitlementKey\":\"pro\",\"duration\":\"lifetime\",\"reason\":\"promo\"}");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void revokePostsKeyAndReasonWithoutADuration() {
    dispatcher.then(mutation("revoke", "cdcust_1", "pro", false));
    CrossdeckServer client = client();

    EntitlementMutation result =
        client.entitlements().revoke(new EntitlementRevoke("cdcust_1", "pro", null));

    RecordedRequest request = nextRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/server/customers/cdcust_1/revoke");
    assertThat(request.getBody().utf8()).isEqualTo("{\"entitlementKey\":\"pro\"}");
    assertThat(result.action()).isEqualTo("revoke");
    assertThat(result.entitlement().active()).isFalse();
  }

  @Test
  void refusesAGrantWithoutCustomerKeyOrDurationBeforeAnyRequest() {
    CrossdeckServer client = client();
    CrossdeckEntitlements entitlements = client.entitlements();

    assertThat(
            catchThrowableOfType(
                    CrossdeckException.class,
                    () -> entitlements.grant(new EntitlementGrant(" ", "pro", "P30D", null)))
                .code())
        .isEqualTo(ErrorCodes.MISSING_CUSTOMER_ID);
    assertThat(
            catchThrowableOfType(
                    CrossdeckException.class,
                    () -> entitlements.grant(new EntitlementGrant("cdcust_1", "", "P30D", null)))
                .param())
        .contains("entitlementKey");
    assertThat(
            catchThrowableOfType(
                    CrossdeckException.class,
                    () -> entitlements.grant(new EntitlementGrant("cdcust_1", "pro", null, null)))
                .code())
        .isEqualTo(ErrorCodes.MISSING_DURATION);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void auditEntryUnwrapsItsData() {
    dispatcher.then(
        new MockResponse.Builder()
            .code(200)
            .body(
                "{\"object\":\"audit_entry\",\"data\":{\"eventId\":\"aud_01HZX\",\"rail\":\"manual\","
                    + "\"env\":\"sandbox\",\"eventType\":\"entitlement.granted_manually\","
                    + "\"projectId\":\"proj_42\",\"customerId\":\"cdcust_7f3a9c\",\"decision\":"
                    + "\"applied\",\"reason\":\"Support recovery\",\"signatureVerified\":true,"
                    + "\"reconciledWithProvider\":false,\"rawEventReceivedAt\":1767225600000,"
                    + "\"processedAt\":1767225600350}}")
            .build());
    CrossdeckServer client = client();

    AuditEntry entry = client.entitlements().auditEntry("aud_01HZX");

    assertThat(nextRequest().getUrl().encodedPath()).isEqualTo("/v1/server/audit/aud_01HZX");
    assertThat(entry.eventId()).isEqualTo("aud_01HZX");
    assertThat(entry.eventType()).isEqualTo("entitlement.granted_manually");
    assertThat(entry.customerId()).isEqualTo("cdcust_7f3a9c");
    assertThat(entry.decision()).isEqualTo("applied");
    assertThat(entry.signatureVerified()).isTrue();
    assertThat(entry.processedAt()).isEqualTo(Instant.ofEpochMilli(1767225600350L));
    assertThat(entry.subscriptionId()).isNull();
  }

  @Test
  void listenersHearEveryReplacementAndAThrowingOneIsCounted() {
    dispatcher.then(list("cdcust_1", entitlement("pro", true, null)));
    dispatcher.then(list("cdcust_1", entitlement("pro", true, null)));
    CrossdeckServer client = client();
    List<String> heard = new CopyOnWriteArrayList<>();
    Subscription subscription =
        client
            .entitlements()
            .onChange((customer, entitlements) -> heard.add(customer + ":" + entitlements.size()));
    client
        .entitlements()
        .onChange(
            (customer, entitlements) -> {
              throw new IllegalStateException("listener bug");
            });

    client.entitlements().get(USER);
    subscription.close();
    subscription.close();
    client.entitlements().get(USER);

    assertThat(heard).containsExactly("cdcust_1:1");
    assertThat(client.entitlements().cacheStats().listenerErrors()).isEqualTo(2);
  }
}
