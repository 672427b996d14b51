package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code POST /v1/identity/alias}: links a user id to an anonymous id (or customer id) and answers
 * with the {@code AliasResult} (contract §a.6). The alias goes through the indexer behind every
 * batch accepted before it, so anonymous events sent earlier are always back-attributed. An alias
 * that would put a second user on a customer is refused with 409 {@code identity_conflict}; one
 * naming a customer id the emulator never issued with 404 {@code resource_missing}.
 */
final class AliasHandler {

  private final KeyAuthenticator authenticator;
  private final Indexer indexer;

  AliasHandler(KeyAuthenticator authenticator, Indexer indexer) {
    this.authenticator = authenticator;
    this.indexer = indexer;
  }

  ApiResponse handle(HttpCall call) {
    Principal principal = authenticator.authenticate(call);
    AliasRequest alias = AliasRequest.parse(Json.parse(call.body()));
    IdentityGraph.LinkResult outcome =
        indexer.read(
            store ->
                store.alias(
                    principal.scope(),
                    alias.identifiers(),
                    alias.email(),
                    alias.traits(),
                    call.receivedAt()));
    if (outcome instanceof IdentityGraph.Conflict conflict) {
      throw new ApiException(refused(conflict.identifier()));
    }
    if (outcome instanceof IdentityGraph.UnknownCustomerId unknown) {
      throw new ApiException(
          ApiError.of(
                  404,
                  "resource_missing",
                  "No customer has this crossdeckCustomerId; customer ids are issued by Crossdeck."
                      + " Nothing was linked.")
              .withParam(unknown.identifier().field()));
    }
    String customerId = ((IdentityGraph.Linked) outcome).customer().id();
    ObjectNode result = Json.object();
    result.put("object", "alias_result");
    result.put("crossdeckCustomerId", customerId);
    ArrayNode linked = result.putArray("linked");
    for (IdentityHint identifier : alias.identifiers()) {
      if (identifier.type() != IdentityHint.Type.CROSSDECK_CUSTOMER_ID) {
        linked.addObject().put("type", identifier.type().linkType()).put("id", identifier.value());
      }
    }
    result.put("mergePending", false);
    result.put("env", principal.environment().wireName());
    return ApiResponse.json(200, result);
  }

  /**
   * 409 {@code identity_conflict}: the identifier named by {@code param} belongs to a customer that
   * already has another developer user id. The message names neither that user nor the customer.
   */
  private static ApiError refused(IdentityHint identifier) {
    return new ApiError(
        409,
        ApiError.INVALID_REQUEST,
        "identity_conflict",
        identifier.field()
            + " belongs to a customer with another developerUserId; a customer never holds two"
            + " developerUserIds. Nothing was linked.",
        identifier.field(),
        null,
        Map.of());
  }
}
