package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.IdentityHint.Type;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The identity parameters of the entitlement read, erasure and resolve calls: {@code customerId},
 * {@code userId} and {@code anonymousId} (in a query string or a JSON body), in {@link
 * IdentityGraph#PRECEDENCE} order. Empty values count as absent, as the SDKs leave them out; each
 * present one is 1–256 characters ({@code invalid_param_value}); with none, the call is 400 {@code
 * missing_identity}.
 */
final class HintParams {

  private static final Map<Type, String> PARAMS =
      Map.of(
          Type.CROSSDECK_CUSTOMER_ID, "customerId",
          Type.DEVELOPER_USER_ID, "userId",
          Type.ANONYMOUS_ID, "anonymousId");

  private HintParams() {}

  static List<IdentityHint> fromQuery(HttpCall call) {
    return collect(name -> call.queryParam(name).filter(value -> !value.isEmpty()));
  }

  static List<IdentityHint> fromBody(JsonNode body) {
    return collect(
        name -> {
          JsonNode value = body.get(name);
          if (value == null
              || value.isNull()
              || (value.isTextual() && value.textValue().isEmpty())) {
            return Optional.empty();
          }
          if (!value.isTextual()) {
            throw invalid(name);
          }
          return Optional.of(value.textValue());
        });
  }

  private static List<IdentityHint> collect(Function<String, Optional<String>> read) {
    List<IdentityHint> hints = new ArrayList<>();
    for (Type type : IdentityGraph.PRECEDENCE) {
      String name = PARAMS.get(type);
      read.apply(name)
          .ifPresent(
              value -> {
                if (!TextLength.isWithin(value, EventValidator.MAX_IDENTITY_LENGTH)) {
                  throw invalid(name);
                }
                hints.add(new IdentityHint(type, value));
              });
    }
    if (hints.isEmpty()) {
      throw new ApiException(
          ApiError.invalidRequest(
              "missing_identity",
              "Send at least one of customerId, userId or anonymousId.",
              "customerId",
              null));
    }
    return List.copyOf(hints);
  }

  private static ApiException invalid(String name) {
    return new ApiException(
        ApiError.invalidRequest(
            "invalid_param_value",
            name + " must be a string of 1-" + EventValidator.MAX_IDENTITY_LENGTH + " characters.",
            name,
            null));
  }
}
