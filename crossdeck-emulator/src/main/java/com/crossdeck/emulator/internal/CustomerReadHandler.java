package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.Environment;
import java.util.function.BiFunction;

/**
 * The JSON read side for people and tests, without authentication (a local tool): {@code GET
 * /v1/customers/{anyIdentifier}} and {@code GET /v1/customers/{anyIdentifier}/timeline}, where the
 * identifier may be a {@code cdcust_…} id, a user id or an anonymous id.
 */
final class CustomerReadHandler {

  private final Indexer indexer;

  CustomerReadHandler(Indexer indexer) {
    this.indexer = indexer;
  }

  ApiResponse customer(HttpCall call, String anyIdentifier) {
    return respond(call, anyIdentifier, CustomerJson::customer);
  }

  ApiResponse timeline(HttpCall call, String anyIdentifier) {
    return respond(
        call,
        anyIdentifier,
        (view, environment) -> CustomerJson.timeline(view.customer(), environment));
  }

  private ApiResponse respond(
      HttpCall call, String anyIdentifier, BiFunction<CustomerView, Environment, Object> render) {
    Scope scope = ReadScope.of(call);
    CustomerView customer =
        indexer
            .read(
                store ->
                    store
                        .customer(scope, anyIdentifier, Integer.MAX_VALUE)
                        .map(
                            snapshot -> CustomerView.of(store, scope, snapshot, call.receivedAt())))
            .orElseThrow(
                () ->
                    new ApiException(
                        ApiError.of(
                                404,
                                "resource_missing",
                                "No customer has the identifier '" + anyIdentifier + "'.")
                            .withParam("id")));
    return ApiResponse.json(200, render.apply(customer, scope.environment()));
  }
}
