package com.crossdeck.emulator;

import static com.crossdeck.emulator.ErrorAssertions.assertInvalidRequest;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reference SDK's calls the emulator has no data for answer the documented "nothing known"
 * shapes instead of 404 (contract-extended §8).
 */
class NoDataRoutesTest {

  @RegisterExtension static CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  @Test
  void resolvesAKnownUserNeverBlockedWithItsActiveEntitlements() {
    emulator.grant("user_847", "pro", "P30D");

    Reply reply =
        client.postWithKey(
            "/v1/resolve",
            "{\"userId\":\"user_847\",\"anonymousId\":\"anon_1\",\"ip\":\"203.0.113.9\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().strip())
        .isEqualTo(
            "{\"status\":\"active\",\"blocked\":false,\"blockReason\":null,\"blockedKey\":null,"
                + "\"entitlements\":[\"pro\"],\"crossdeckCustomerId\":\""
                + emulator.customerId("user_847").orElseThrow()
                + "\",\"anonymousId\":\"anon_1\",\"reference\":null,\"supportEmail\":null,"
                + "\"blockEventId\":null,\"identityError\":null}");
  }

  @Test
  void resolvesAnUnknownVisitorWithoutCreatingAnything() {
    Reply reply = client.postWithKey("/v1/resolve", "{\"anonymousId\":\"anon_new\"}");

    assertThat(reply.json().path("status").asText()).isEqualTo("anonymous");
    assertThat(reply.json().path("crossdeckCustomerId").isNull()).isTrue();
    assertThat(emulator.customerId("anon_new")).isEmpty();
  }

  @Test
  void reportsNoOwnerAsBlocked() {
    Reply reply =
        client.get(
            "/v1/trust/status?userId=user_847&email=a%40b.example",
            "Authorization", "Bearer " + ApiClient.KEY);

    assertThat(reply.body().strip())
        .isEqualTo("{\"blocked\":false,\"blockReason\":null,\"blockedKey\":null}");
  }

  @Test
  void letsEveryoneThroughTheGate() {
    Reply reply =
        client.postWithKey("/v1/trust/gate", "{\"email\":\"a@b.example\",\"ip\":\"203.0.113.9\"}");

    assertThat(reply.body().strip())
        .isEqualTo(
            "{\"action\":\"allow\",\"allow\":true,\"blockReason\":null,\"blockedKey\":null,"
                + "\"reference\":null,\"supportEmail\":null,\"blockEventId\":null}");
  }

  @Test
  void acceptsAPurchaseSyncAndGrantsNothing() {
    Reply reply =
        client.postWithKey(
            "/v1/purchases/sync",
            "{\"signedTransactionInfo\":\"eyJhbGciOi.x.y\",\"rail\":\"apple\"}",
            "Idempotency-Key",
            "5f0c2c1e-1111-4a4a-8b8b-000000000001");
    Reply replay =
        client.postWithKey(
            "/v1/purchases/sync",
            "{\"signedTransactionInfo\":\"eyJhbGciOi.x.y\",\"rail\":\"apple\"}",
            "Idempotency-Key",
            "5f0c2c1e-1111-4a4a-8b8b-000000000001");

    assertThat(reply.body().strip())
        .isEqualTo(
            "{\"object\":\"purchase_result\",\"crossdeckCustomerId\":null,\"env\":\"sandbox\","
                + "\"entitlements\":[]}");
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void refusesAPurchaseSyncWithoutATransaction() {
    assertInvalidRequest(
        client.postWithKey("/v1/purchases/sync", "{\"rail\":\"apple\"}"),
        "missing_required_param",
        "signedTransactionInfo",
        null);
  }

  @Test
  void refusesTheGoogleRailOnPurchaseSync() {
    assertInvalidRequest(
        client.postWithKey(
            "/v1/purchases/sync", "{\"signedTransactionInfo\":\"t\",\"rail\":\"google\"}"),
        "google_not_supported",
        "rail",
        null);
  }

  @Test
  void acceptsAndRecordsAContractFailureReport() {
    Reply reply =
        client.post(
            "/v1/sdk/diagnostic",
            "{\"contract_id\":\"flush-interval\",\"sdk_version\":\"1.12.0\",\"sdk_platform\":\"node\","
                + "\"failure_reason\":\"drift\",\"run_context\":\"ci\",\"run_id\":\"r1\"}",
            "Authorization",
            "Bearer cd_pub_live_crossdeck_reliability",
            "Content-Type",
            "application/json");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(emulator.requests())
        .extracting(RecordedRequest::path)
        .contains("/v1/sdk/diagnostic");
  }

  @Test
  void stillNeedsAKeyForTheTrustCalls() {
    assertThat(client.get("/v1/trust/status").status()).isEqualTo(401);
  }
}
