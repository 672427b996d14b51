package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The entitlement calls (contract-extended §2–§3):
 *
 * <ul>
 *   <li>{@code GET /v1/entitlements?customerId=&userId=&anonymousId=} (any key): the customer those
 *       hints name by precedence, created for an unknown user or anonymous id as an event would
 *       create it; 404 {@code resource_missing} when the only hint is a customer id never issued;
 *   <li>{@code GET /v1/server/customers/{id}/entitlements} (secret key): by issued customer id;
 *   <li>{@code POST /v1/server/customers/{id}/grant} and {@code …/revoke} (secret key): change one
 *       entitlement, write an audit entry, honour an {@code Idempotency-Key} when one is sent;
 *   <li>{@code GET /v1/server/audit/{eventId}} (secret key): one audit entry.
 * </ul>
 *
 * A customer id in the path must be one the emulator issued (a merged-away id resolves to the
 * survivor); anything else is 404 {@code resource_missing}, param {@code customerId}.
 */
final class EntitlementHandler {

  private final KeyAuthenticator authenticator;
  private final IdempotencyCache idempotency;
  private final Indexer indexer;

  EntitlementHandler(
      KeyAuthenticator authenticator, IdempotencyCache idempotency, Indexer indexer) {
    this.authenticator = authenticator;
    this.idempotency = idempotency;
    this.indexer = indexer;
  }

  ApiResponse byHints(HttpCall call) {
    Principal principal = authenticator.authenticate(call);
    List<IdentityHint> hints = HintParams.fromQuery(call);
    EntitlementLedger.Entitlements found =
        indexer
            .read(
                store ->
                    store
                        .entitlements()
                        .entitlementsFor(principal.scope(), hints, call.receivedAt()))
            .orElseThrow(() -> customerMissing("customerId"));
    return list(found, principal, call);
  }

  ApiResponse byCustomer(HttpCall call, String customerId) {
    Principal principal = authenticator.authenticateServer(call);
    EntitlementLedger.Entitlements found =
        indexer
            .read(store -> store.entitlements().entitlementsOf(principal.scope(), customerId))
            .orElseThrow(() -> customerMissing("customerId"));
    return list(found, principal, call);
  }

  ApiResponse grant(HttpCall call, String customerId) {
    Principal principal = authenticator.authenticateServer(call);
    EntitlementChangeRequest request =
        EntitlementChangeRequest.grant(Json.parse(call.body()), call.receivedAt());
    return mutate(
        call,
        principal,
        "grant",
        () ->
            indexer.read(
                store ->
                    store
                        .entitlements()
                        .grant(
                            principal.scope(),
                            customerId,
                            request.entitlementKey(),
                            request.duration(),
                            request.reason(),
                            call.receivedAt())));
  }

  ApiResponse revoke(HttpCall call, String customerId) {
    Principal principal = authenticator.authenticateServer(call);
    EntitlementChangeRequest request = EntitlementChangeRequest.revoke(Json.parse(call.body()));
    return mutate(
        call,
        principal,
        "revoke",
        () ->
            indexer.read(
                store ->
                    store
                        .entitlements()
                        .revoke(
                            principal.scope(),
                            customerId,
                            request.entitlementKey(),
                            request.reason(),
                            call.receivedAt())));
  }

  ApiResponse audit(HttpCall call, String eventId) {
    Principal principal = authenticator.authenticateServer(call);
    return indexer
        .read(store -> store.entitlements().audit(principal.scope(), eventId))
        .map(entry -> ApiResponse.json(200, EntitlementJson.audit(entry, Scope.PROJECT_ID)))
        .orElseThrow(
            () ->
                new ApiException(
                    ApiError.of(404, "resource_missing", "No audit entry has this eventId.")
                        .withParam("eventId")));
  }

  private ApiResponse mutate(
      HttpCall call,
      Principal principal,
      String action,
      Supplier<Optional<EntitlementLedger.Mutation>> change) {
    return idempotency.execute(
        principal.scope(),
        call,
        () -> {
          EntitlementLedger.Mutation mutation =
              change.get().orElseThrow(() -> customerMissing("customerId"));
          return ApiResponse.json(
              200,
              EntitlementJson.mutation(
                  action, mutation, principal.environment(), call.receivedAt()));
        });
  }

  private static ApiResponse list(
      EntitlementLedger.Entitlements found, Principal principal, HttpCall call) {
    return ApiResponse.json(
        200,
        EntitlementJson.list(
            found.customerId(), found.entitlements(), principal.environment(), call.receivedAt()));
  }

  static ApiException customerMissing(String param) {
    return new ApiException(
        ApiError.of(
                404,
                "resource_missing",
                "No customer has this id; customer ids are issued by Crossdeck.")
            .withParam(param));
  }
}
