package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/identity/alias}: links a user id to an anonymous id (or customer id) and answers
 * with the {@code AliasResult} (contract §a.6). The alias goes through the indexer behind every
 * batch accepted before it, so anonymous events sent earlier are always back-attributed.
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
    String customerId =
        indexer.read(
            store ->
                store.alias(
                    principal.scope(),
                    alias.identifiers(),
                    alias.email(),
                    alias.traits(),
                    call.receivedAt()));
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
}
