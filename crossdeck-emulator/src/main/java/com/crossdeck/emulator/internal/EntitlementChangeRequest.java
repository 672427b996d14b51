package com.crossdeck.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A validated grant or revoke body: {@code {entitlementKey, duration, reason?}} for a grant, {@code
 * {entitlementKey, reason?}} for a revoke (contract-extended §3.1, §3.2). A missing key is 400
 * {@code missing_entitlement}; a grant without {@code duration} is 400 {@code
 * missing_required_param}; anything malformed is 400 {@code invalid_param_value} naming the field.
 *
 * @param duration null for a revoke
 * @param reason the free-text audit reason, or null
 */
record EntitlementChangeRequest(String entitlementKey, GrantDuration duration, String reason) {

  static final int MAX_KEY_LENGTH = 256;
  static final int MAX_REASON_LENGTH = 1024;

  /** A grant body; its duration must end before the year 10000 counting from {@code now}. */
  static EntitlementChangeRequest grant(JsonNode body, Instant now) {
    String key = key(body);
    String duration = text(body, "duration", 64);
    if (duration == null) {
      throw invalid("missing_required_param", "duration is required.", "duration");
    }
    try {
      GrantDuration parsed = GrantDuration.parse(duration);
      parsed.endFrom(now);
      return new EntitlementChangeRequest(key, parsed, reason(body));
    } catch (IllegalArgumentException e) {
      throw invalid("invalid_param_value", e.getMessage() + ".", "duration");
    }
  }

  static EntitlementChangeRequest revoke(JsonNode body) {
    return new EntitlementChangeRequest(key(body), null, reason(body));
  }

  private static String key(JsonNode body) {
    String key = text(body, "entitlementKey", MAX_KEY_LENGTH);
    if (key == null || key.isBlank()) {
      throw invalid("missing_entitlement", "entitlementKey is required.", "entitlementKey");
    }
    return key;
  }

  private static String reason(JsonNode body) {
    return text(body, "reason", MAX_REASON_LENGTH);
  }

  /** The field's text, null when absent or JSON null; 400 when not a string of 1–max chars. */
  private static String text(JsonNode body, String field, int max) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || TextLength.of(value.textValue()) > max) {
      throw invalid(
          "invalid_param_value",
          field + " must be a string of at most " + max + " characters.",
          field);
    }
    return value.textValue();
  }

  private static ApiException invalid(String code, String message, String param) {
    return new ApiException(ApiError.invalidRequest(code, message, param, null));
  }
}
