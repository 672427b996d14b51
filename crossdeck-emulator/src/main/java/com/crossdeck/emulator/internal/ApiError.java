package com.crossdeck.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error response of the Crossdeck API (contract §a.8, §a.9): status, Stripe-style type and code,
 * and, for validation errors, the failing field ({@code param}) and event ({@code index}).
 *
 * @param status the HTTP status
 * @param type the error type, which always matches the status (400 {@code invalid_request_error},
 *     401 {@code authentication_error}, 403 {@code permission_error}, 429 {@code rate_limit_error},
 *     5xx {@code internal_error})
 * @param code the machine-readable code
 * @param message a human-readable explanation
 * @param param the offending field, or null
 * @param index the position of the first failing event in the batch, or null
 * @param headers extra response headers, such as {@code Retry-After}
 */
record ApiError(
    int status,
    String type,
    String code,
    String message,
    String param,
    Integer index,
    Map<String, String> headers) {

  static final String INVALID_REQUEST = "invalid_request_error";

  ApiError {
    headers = Map.copyOf(headers);
  }

  static ApiError of(int status, String code, String message) {
    return new ApiError(status, typeFor(status), code, message, null, null, Map.of());
  }

  static ApiError invalidRequest(String code, String message, String param, Integer index) {
    return new ApiError(400, INVALID_REQUEST, code, message, param, index, Map.of());
  }

  static ApiError invalidJson(String message) {
    return of(400, "invalid_json", message);
  }

  /** The error type the contract pairs with a status (§a.8). */
  static String typeFor(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 429 -> "rate_limit_error";
      default -> status >= 500 ? "internal_error" : INVALID_REQUEST;
    };
  }

  ApiError withParam(String param) {
    return new ApiError(status, type, code, message, param, index, headers);
  }

  ApiError withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiError(status, type, code, message, param, index, more);
  }

  /** The response body: {@code {"error": {type, code, message, param, index, request_id}}}. */
  ObjectNode toJson(String requestId) {
    ObjectNode error = Json.object();
    error.put("type", type);
    error.put("code", code);
    error.put("message", message);
    error.put("param", param);
    error.put("index", index);
    error.put("request_id", requestId);
    ObjectNode body = Json.object();
    body.set("error", error);
    return body;
  }
}
