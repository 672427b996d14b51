package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class IdentifyTest extends MockServerTest {

  private static final String ALIAS_RESULT =
      "{\"object\":\"alias_result\",\"crossdeckCustomerId\":\"cdcust_42\",\"linked\":["
          + "{\"type\":\"developer\",\"id\":\"user_847\"},"
          + "{\"type\":\"anonymous\",\"id\":\"anon_abc\"}],\"mergePending\":false,\"env\":\"sandbox\"}";

  private static MockResponse aliasResult() {
    return new MockResponse.Builder().code(200).body(ALIAS_RESULT).build();
  }

  @Test
  void postsUserAndAnonymousIdToIdentityAliasAndReturnsTheCustomer() {
    dispatcher.then(aliasResult());
    CrossdeckServer client = client();

    AliasResult result = client.identify("user_847", "anon_abc");

    RecordedBatch request = nextBatch();
    assertThat(request.request().getUrl().encodedPath()).isEqualTo("/v1/identity/alias");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TEST_KEY);
    assertThat(request.header("Idempotency-Key")).isNull();
    assertThat(request.body().toString())
        .isEqualTo("{\"userId\":\"user_847\",\"anonymousId\":\"anon_abc\"}");
    assertThat(result.crossdeckCustomerId()).isEqualTo("cdcust_42");
    assertThat(result.linked())
        .containsExactly(
            new AliasResult.LinkedIdentifier("developer", "user_847"),
            new AliasResult.LinkedIdentifier("anonymous", "anon_abc"));
    assertThat(result.mergePending()).isFalse();
    assertThat(result.environment()).isEqualTo("sandbox");
  }

  @Test
  void sendsEmailAndTraitsCoercedLikeProperties() {
    dispatcher.then(aliasResult());
    CrossdeckServer client = client();

    client.identify(
        "user_847",
        "anon_abc",
        new Traits(
            "ada@example.com",
            Map.of(
                "plan",
                "pro",
                "ltv",
                new BigDecimal("120.50"),
                "since",
                Instant.parse("2025-01-01T00:00:00Z"))));

    JsonNode body = nextBatch().body();
    assertThat(body.get("email").asText()).isEqualTo("ada@example.com");
    assertThat(body.get("traits").get("plan").asText()).isEqualTo("pro");
    assertThat(body.get("traits").get("ltv").decimalValue()).isEqualByComparingTo("120.50");
    assertThat(body.get("traits").get("since").asText()).isEqualTo("2025-01-01T00:00:00Z");
  }

  @Test
  void rejectsABlankUserIdBeforeAnyRequest() {
    CrossdeckServer client = client();

    CrossdeckException error =
        catchThrowableOfType(CrossdeckException.class, () -> client.identify(" ", "anon_abc"));

    assertThat(error.code()).isEqualTo(ErrorCodes.MISSING_USER_ID);
    assertThat(error.type()).isEqualTo(ErrorCodes.TYPE_INVALID_REQUEST);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void rejectsABlankAnonymousIdBeforeAnyRequest() {
    CrossdeckServer client = client();

    CrossdeckException error =
        catchThrowableOfType(CrossdeckException.class, () -> client.identify("user_847", null));

    assertThat(error.code()).isEqualTo(ErrorCodes.MISSING_ANONYMOUS_ID);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void identifyAsyncCompletesWithTheResult() throws Exception {
    dispatcher.then(aliasResult());
    CrossdeckServer client = client();

    CompletableFuture<AliasResult> result = client.identifyAsync("user_847", "anon_abc");

    assertThat(result.get().crossdeckCustomerId()).isEqualTo("cdcust_42");
  }

  @Test
  void identifyAsyncFailsTheFutureForBlankIdsWithoutARequest() {
    CrossdeckServer client = client();

    CompletableFuture<AliasResult> result = client.identifyAsync("", "anon_abc");

    ExecutionException error = catchThrowableOfType(ExecutionException.class, result::get);
    assertThat(((CrossdeckException) error.getCause()).code())
        .isEqualTo(ErrorCodes.MISSING_USER_ID);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aliasIdentityMergesACustomerIdIntoAUser() {
    dispatcher.then(aliasResult());
    CrossdeckServer client = client();

    client.aliasIdentity(AliasRequest.userAndCustomer("user_847", "cdcust_7"));

    assertThat(nextBatch().body().toString())
        .isEqualTo("{\"userId\":\"user_847\",\"crossdeckCustomerId\":\"cdcust_7\"}");
  }

  @Test
  void aliasIdentityNeedsASecondIdentifier() {
    CrossdeckServer client = client();

    CrossdeckException error =
        catchThrowableOfType(
            CrossdeckException.class,
            () -> client.aliasIdentity(new AliasRequest("user_847", null, " ", null)));

    assertThat(error.code()).isEqualTo(ErrorCodes.MISSING_ANONYMOUS_ID);
  }
}
