package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.Entitlement;
import com.crossdeck.emulator.IdentityHint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The reference SDK's remaining calls, for which the emulator has no data of its own (no blocklist,
 * no App Store verification, no reliability channel). Each answers the documented shape for
 * "nothing known" instead of 404 (contract-extended §8), so an SDK behaves as it would against a
 * Crossdeck project with nothing configured:
 *
 * <ul>
 *   <li>{@code POST /v1/resolve} (any key): never blocked; the customer and active entitlement keys
 *       its {@code userId}/{@code anonymousId} already name (nothing is created);
 *   <li>{@code GET /v1/trust/status} (any key): {@code {"blocked":false,"blockReason":null,
 *       "blockedKey":null}};
 *   <li>{@code POST /v1/trust/gate} (any key): {@code {"action":"allow","allow":true,…}};
 *   <li>{@code POST /v1/purchases/sync} (any key): validates the body, grants nothing: {@code
 *       {"object":"purchase_result","crossdeckCustomerId":null,"env","entitlements":[]}}; honours
 *       {@code Idempotency-Key};
 *   <li>{@code POST /v1/sdk/diagnostic}: accepted (202) and recorded without any check; the SDKs
 *       send contract-failure reports to Crossdeck's own host with Crossdeck's own key, so one only
 *       arrives here when a tool points it here.
 * </ul>
 */
final class NoDataHandler {

  private final KeyAuthenticator authenticator;
  private final IdempotencyCache idempotency;
  private final Indexer indexer;

  NoDataHandler(KeyAuthenticator authenticator, IdempotencyCache idempotency, Indexer indexer) {
    this.authenticator = authenticator;
    this.idempotency = idempotency;
    this.indexer = indexer;
  }

  ApiResponse resolve(HttpCall call) {
    Principal principal = authenticator.authenticate(call);
    JsonNode body = Json.parse(call.body());
    List<IdentityHint> hints = HintParams.fromBody(body);
    Optional<CustomerSnapshot> customer =
        indexer.read(store -> store.known(principal.scope(), hints));
    ObjectNode json = Json.object();
    json.put(
        "status",
        customer
                .filter(known -> known.identifiers().stream().anyMatch(NoDataHandler::isUser))
                .isPresent()
            ? "active"
            : "anonymous");
    notBlocked(json);
    json.set(
        "entitlements",
        Json.tree(customer.map(known -> activeKeys(known, call)).orElse(List.of())));
    json.put("crossdeckCustomerId", customer.map(CustomerSnapshot::id).orElse(null));
    json.put("anonymousId", body.path("anonymousId").textValue());
    json.putNull("reference");
    json.putNull("supportEmail");
    json.putNull("blockEventId");
    json.putNull("identityError");
    return ApiResponse.json(200, json);
  }

  ApiResponse trustStatus(HttpCall call) {
    authenticator.authenticate(call);
    ObjectNode json = Json.object();
    json.put("blocked", false);
    json.putNull("blockReason");
    json.putNull("blockedKey");
    return ApiResponse.json(200, json);
  }

  ApiResponse trustGate(HttpCall call) {
    authenticator.authenticate(call);
    Json.parse(call.body());
    ObjectNode json = Json.object();
    json.put("action", "allow");
    json.put("allow", true);
    json.putNull("blockReason");
    json.putNull("blockedKey");
    json.putNull("reference");
    json.putNull("supportEmail");
    json.putNull("blockEventId");
    return ApiResponse.json(200, json);
  }

  ApiResponse syncPurchases(HttpCall call) {
    Principal principal = authenticator.authenticate(call);
    JsonNode body = Json.parse(call.body());
    JsonNode transaction = body.get("signedTransactionInfo");
    if (transaction == null || !transaction.isTextual() || transaction.textValue().isEmpty()) {
      throw invalid(
          "missing_required_param", "signedTransactionInfo is required.", "signedTransactionInfo");
    }
    String rail = body.path("rail").asText("apple");
    switch (rail) {
      case "apple" -> {}
      case "google", "stripe" ->
          throw invalid(
              rail + "_not_supported",
              "purchases/sync does not take the " + rail + " rail.",
              "rail");
      default -> throw invalid("invalid_param_value", "rail must be apple.", "rail");
    }
    return idempotency.execute(
        principal.scope(),
        call,
        () -> {
          ObjectNode json = Json.object();
          json.put("object", "purchase_result");
          json.putNull("crossdeckCustomerId");
          json.put("env", principal.environment().wireName());
          json.putArray("entitlements");
          return ApiResponse.json(200, json);
        });
  }

  ApiResponse diagnostic() {
    ObjectNode json = Json.object();
    json.put("object", "diagnostic");
    json.put("received", true);
    return ApiResponse.json(202, json);
  }

  private static void notBlocked(ObjectNode json) {
    json.put("blocked", false);
    json.putNull("blockReason");
    json.putNull("blockedKey");
  }

  private static List<String> activeKeys(CustomerSnapshot customer, HttpCall call) {
    return customer.entitlements().stream()
        .filter(entitlement -> entitlement.grantsAccessAt(call.receivedAt()))
        .map(Entitlement::key)
        .toList();
  }

  private static boolean isUser(IdentityHint identifier) {
    return identifier.type() == IdentityHint.Type.DEVELOPER_USER_ID;
  }

  private static ApiException invalid(String code, String message, String param) {
    return new ApiException(ApiError.invalidRequest(code, message, param, null));
  }
}
