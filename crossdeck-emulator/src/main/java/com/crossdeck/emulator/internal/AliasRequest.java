package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated {@code POST /v1/identity/alias} body: {@code {userId, anonymousId,
 * crossdeckCustomerId?, email?, traits?}}. A blank {@code userId} is 400 {@code missing_user_id};
 * no {@code anonymousId} and no {@code crossdeckCustomerId} is 400 {@code missing_anonymous_id}.
 */
record AliasRequest(
    String userId,
    String anonymousId,
    String crossdeckCustomerId,
    String email,
    Map<String, Object> traits) {

  static AliasRequest parse(JsonNode body) {
    String userId = text(body, "userId");
    if (userId == null || userId.isBlank()) {
      throw invalid("missing_user_id", "userId is required.", "userId");
    }
    String anonymousId = text(body, "anonymousId");
    String customerId = text(body, "crossdeckCustomerId");
    if (isBlank(anonymousId) && isBlank(customerId)) {
      throw invalid(
          "missing_anonymous_id",
          "anonymousId (or crossdeckCustomerId) is required.",
          "anonymousId");
    }
    for (String field : List.of("userId", "anonymousId", "crossdeckCustomerId")) {
      String value = text(body, field);
      if (value != null && TextLength.of(value) > EventValidator.MAX_IDENTITY_LENGTH) {
        throw invalid(
            "invalid_param_value",
            field + " must be at most " + EventValidator.MAX_IDENTITY_LENGTH + " characters.",
            field);
      }
    }
    JsonNode traits = body.get("traits");
    if (traits != null && !traits.isNull() && !traits.isObject()) {
      throw invalid("invalid_param_value", "traits must be an object.", "traits");
    }
    return new AliasRequest(
        userId,
        isBlank(anonymousId) ? null : anonymousId,
        isBlank(customerId) ? null : customerId,
        text(body, "email"),
        traits == null || traits.isNull() ? Map.of() : Json.toMap((ObjectNode) traits));
  }

  /** The identifiers to link: the user, then the anonymous id and customer id when given. */
  List<IdentityHint> identifiers() {
    List<IdentityHint> identifiers = new ArrayList<>();
    identifiers.add(new IdentityHint(IdentityHint.Type.DEVELOPER_USER_ID, userId));
    if (anonymousId != null) {
      identifiers.add(new IdentityHint(IdentityHint.Type.ANONYMOUS_ID, anonymousId));
    }
    if (crossdeckCustomerId != null) {
      identifiers.add(
          new IdentityHint(IdentityHint.Type.CROSSDECK_CUSTOMER_ID, crossdeckCustomerId));
    }
    return identifiers;
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw invalid("invalid_param_value", field + " must be a string.", field);
    }
    return value.textValue();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static ApiException invalid(String code, String message, String param) {
    return new ApiException(ApiError.invalidRequest(code, message, param, null));
  }
}
