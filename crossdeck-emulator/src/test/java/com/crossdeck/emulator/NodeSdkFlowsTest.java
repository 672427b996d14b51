package com.crossdeck.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives the emulator over raw HTTP with exactly the requests the official Node server SDK (1.12)
 * makes in its flows, as documented in the extended wire contract: its headers, the batch envelope
 * with {@code sdk.boot} and error events (§2.7, §6.12), identify, entitlements, grant, revoke,
 * audit, erasure and the remaining calls (§1–§4, §8). Every request must succeed; none may hit a
 * missing route.
 */
class NodeSdkFlowsTest {

  private static final String[] NODE_HEADERS = {
    "Authorization", "Bearer " + ApiClient.KEY,
    "Crossdeck-Sdk-Version", "@cross-deck/node@1.12.0",
    "Crossdeck-Api-Version", "2025-01-01",
    "User-Agent", "@cross-deck/node/1.12.0 node/20.11.1 linux",
    "Accept", "application/json"
  };

  @RegisterExtension static CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  private Reply get(String path) {
    return client.get(path, NODE_HEADERS);
  }

  private Reply post(String path, String body, String... extra) {
    String[] headers = new String[NODE_HEADERS.length + 2 + extra.length];
    System.arraycopy(NODE_HEADERS, 0, headers, 0, NODE_HEADERS.length);
    headers[NODE_HEADERS.length] = "Content-Type";
    headers[NODE_HEADERS.length + 1] = "application/json";
    System.arraycopy(extra, 0, headers, NODE_HEADERS.length + 2, extra.length);
    return client.post(path, body, headers);
  }

  private static String resource(String name) {
    try {
      return Files.readString(Path.of("src/test/resources/node-sdk", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void servesEveryCallOfTheNodeSdkFlows() {
    // Boot: heartbeat, then the first batch with sdk.boot and captured errors.
    assertThat(get("/v1/sdk/heartbeat").status()).isEqualTo(200);
    assertThat(
            post(
                    "/v1/events",
                    resource("batch-boot-and-errors.json"),
                    "Idempotency-Key",
                    "batch_mx2qes6a1b2c3d4e5f")
                .status())
        .isEqualTo(202);
    assertThat(
            post(
                    "/v1/events",
                    resource("batch-checkout.json"),
                    "Idempotency-Key",
                    "batch_mb3k9x2a7qk2")
                .status())
        .isEqualTo(202);

    // identify(userId, anonymousId, {email, traits})
    Reply alias =
        post(
            "/v1/identity/alias",
            "{\"userId\":\"user_847\",\"anonymousId\":\"anon_k2f9x0a1b2c3d4e5f6\","
                + "\"email\":\"wes@example.com\",\"traits\":{\"plan\":\"pro\"}}");
    assertThat(alias.json().path("object").asText()).isEqualTo("alias_result");

    // getEntitlements({userId, anonymousId}): all hints in the query, customer id as cache key.
    JsonNode before =
        get("/v1/entitlements?userId=user_847&anonymousId=anon_k2f9x0a1b2c3d4e5f6").json();
    String customerId = before.path("crossdeckCustomerId").asText();
    assertThat(customerId)
        .isEqualTo(alias.json().path("crossdeckCustomerId").asText())
        .startsWith("cdcust_");
    assertThat(before.path("data").isEmpty()).isTrue();

    // grantEntitlement: no Idempotency-Key; visible to the very next read.
    Reply grant =
        post(
            "/v1/server/customers/" + customerId + "/grant",
            "{\"entitlementKey\": \"pro\", \"duration\": \"P30D\", \"reason\": \"Support recovery after billing incident\"}");
    assertThat(grant.json().path("object").asText()).isEqualTo("entitlement_mutation");
    assertThat(activePro(get("/v1/entitlements?userId=user_847").json())).isTrue();
    assertThat(activePro(get("/v1/server/customers/" + customerId + "/entitlements").json()))
        .isTrue();

    // revokeEntitlement
    Reply revoke =
        post(
            "/v1/server/customers/" + customerId + "/revoke",
            "{\"entitlementKey\": \"pro\", \"reason\": \"Refunded\"}");
    assertThat(revoke.json().path("action").asText()).isEqualTo("revoke");
    assertThat(activePro(get("/v1/entitlements?customerId=" + customerId).json())).isFalse();

    // getAuditEntry: the SDK returns only `data`; ids come from the emulator (no SDK response has
    // one).
    String auditId = emulator.auditEntries().get(0).eventId();
    assertThat(get("/v1/server/audit/" + auditId).json().path("data").path("eventId").asText())
        .isEqualTo(auditId);

    // The remaining calls answer their "nothing known" shapes.
    assertThat(
            post("/v1/resolve", "{\"userId\":\"user_847\",\"ip\":\"203.0.113.9\"}")
                .json()
                .path("blocked")
                .booleanValue())
        .isFalse();
    assertThat(
            get("/v1/trust/status?userId=user_847&ip=203.0.113.9")
                .json()
                .path("blocked")
                .booleanValue())
        .isFalse();
    assertThat(
            post("/v1/trust/gate", "{\"email\":\"wes@example.com\"}")
                .json()
                .path("allow")
                .booleanValue())
        .isTrue();
    assertThat(
            post(
                    "/v1/purchases/sync",
                    "{\"signedTransactionInfo\":\"eyJhbGciOiJFUzI1NiJ9.e30.sig\",\"rail\":\"apple\"}",
                    "Idempotency-Key",
                    "8c0e3f4a-2b6d-5e7f-9a1b-3c5d7e9f1a2b")
                .status())
        .isEqualTo(200);

    // forget({customerId, userId}): the customer's timeline is gone; a new event starts anew.
    JsonNode forgot =
        post(
                "/v1/identity/forget",
                "{\"customerId\":\"" + customerId + "\",\"userId\":\"user_847\"}")
            .json();
    assertThat(forgot.path("object").asText()).isEqualTo("forgot");
    assertThat(forgot.path("crossdeckCustomerId").asText()).isEqualTo(customerId);
    assertThat(client.get("/v1/customers/" + customerId + "/timeline").status()).isEqualTo(404);
    post(
        "/v1/events",
        "{\"envelopeVersion\":1,\"events\":[{\"eventId\":\"evt_after_forget\",\"name\":\"login\","
            + "\"timestamp\":1767225700000,\"properties\":{},\"developerUserId\":\"user_847\"}],"
            + "\"sdk\":{\"name\":\"@cross-deck/node\",\"version\":\"1.12.0\"},\"environment\":\"sandbox\"}",
        "Idempotency-Key",
        "batch_after_forget");
    emulator.awaitEvents(4, Duration.ofSeconds(5));
    assertThat(emulator.customerId("user_847")).isPresent().get().isNotEqualTo(customerId);

    List<RecordedRequest> requests = emulator.requests();
    assertThat(requests).hasSizeGreaterThanOrEqualTo(17);
    assertThat(requests)
        .allSatisfy(
            request -> assertThat(request.status()).as(request.toString()).isBetween(200, 299));
  }

  @Test
  void keepsErrorEventsOfBothReferenceShapesAsSent() {
    post("/v1/events", resource("batch-boot-and-errors.json"));
    post("/v1/events", resource("batch-android-error.json"));

    List<StoredEvent> events = emulator.awaitEvents(4, Duration.ofSeconds(5));

    StoredEvent boot = events.get(0);
    assertThat(boot.properties()).containsEntry("durability.runtimeHost", "cloud-run");
    StoredEvent handled = events.get(1);
    assertThat(handled.name()).isEqualTo("error.handled");
    assertThat(handled.properties())
        .containsEntry("fingerprint", "44590281")
        .containsKeys("frames", "breadcrumbs", "$groups", "stack");
    StoredEvent android = events.get(3);
    assertThat(android.name()).isEqualTo("$error");
    assertThat(android.eventId()).startsWith("err_");
    assertThat(android.properties())
        .containsEntry("error.type", "java.lang.IllegalStateException")
        .containsKey("error.stack");
    assertThat(android.identity().field()).isEqualTo("developerUserId");
  }

  private static boolean activePro(JsonNode list) {
    for (JsonNode entitlement : list.path("data")) {
      if (entitlement.path("key").asText().equals("pro")) {
        return entitlement.path("isActive").booleanValue();
      }
    }
    return false;
  }
}
