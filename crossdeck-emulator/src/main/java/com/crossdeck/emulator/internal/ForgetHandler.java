package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/identity/forget} with {@code {customerId?, userId?, anonymousId?}} (any key;
 * contract-extended §4): erases the customer the first known hint belongs to, by precedence (an
 * issued customer id, then the user id, then the anonymous id), at once: its events, identifiers,
 * entitlements and audit entries. Answers {@code {"object":"forgot","crossdeckCustomerId",
 * "queuedAt","env"}} with the erased customer's id, or {@code null} when no hint matched anything
 * (so a repeated erasure answers {@code null}). A later event with the same user id starts a new
 * customer.
 */
final class ForgetHandler {

  private final KeyAuthenticator authenticator;
  private final Indexer indexer;

  ForgetHandler(KeyAuthenticator authenticator, Indexer indexer) {
    this.authenticator = authenticator;
    this.indexer = indexer;
  }

  ApiResponse handle(HttpCall call) {
    Principal principal = authenticator.authenticate(call);
    List<IdentityHint> hints = HintParams.fromBody(Json.parse(call.body()));
    Optional<String> erased =
        indexer.read(store -> store.forget(principal.scope(), hints, call.receivedAt()));
    ObjectNode forgot = Json.object();
    forgot.put("object", "forgot");
    forgot.put("crossdeckCustomerId", erased.orElse(null));
    forgot.put("queuedAt", call.receivedAt().toEpochMilli());
    forgot.put("env", principal.environment().wireName());
    return ApiResponse.json(200, forgot);
  }
}
