package com.crossdeck.client.internal.http;

import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.internal.SecretKey;
import com.crossdeck.client.internal.encoding.Json;
import com.crossdeck.client.transport.TransportResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Reads an error answer (contract §a.8): the {@code {"error": {...}}} envelope when present,
 * otherwise a type derived from the status and the code {@code http_<status>}.
 */
final class ErrorResponse {

  private ErrorResponse() {}

  /**
   * The typed error of a non-2xx response.
   *
   * @param response the response
   * @param secretKey masks the key should the server echo it
   * @param nowMillis the current time, for {@code Retry-After} dates
   */
  static CrossdeckException read(TransportResponse response, SecretKey secretKey, long nowMillis) {
    int status = response.status();
    JsonNode error = readErrorObject(response.body());
    String type = text(error, "type");
    String code = text(error, "code");
    String message = text(error, "message");
    if (type == null || code == null) {
      type = typeForStatus(status);
      code = "http_" + status;
      message = null;
    }
    String requestId = text(error, "request_id");
    JsonNode index = error == null ? null : error.get("index");
    return CrossdeckException.builder(type, code)
        .message(secretKey.redact(message == null ? "HTTP " + status : message))
        .status(status)
        .requestId(requestId != null ? requestId : response.header("x-request-id"))
        .retryAfter(RetryAfter.parse(response.header("retry-after"), nowMillis))
        .minVersion(text(error, "minVersion"))
        .param(text(error, "param"))
        .index(index != null && index.canConvertToInt() ? index.intValue() : null)
        .build();
  }

  private static JsonNode readErrorObject(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode error = Json.mapper().readTree(body).get("error");
      return error != null && error.isObject() ? error : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  private static String typeForStatus(int status) {
    if (status == 401) {
      return ErrorCodes.TYPE_AUTHENTICATION;
    } else if (status == 403) {
      return ErrorCodes.TYPE_PERMISSION;
    } else if (status == 429) {
      return ErrorCodes.TYPE_RATE_LIMIT;
    } else if (status == 426) {
      return ErrorCodes.TYPE_VERSION;
    } else if (status >= 400 && status < 500) {
      return ErrorCodes.TYPE_INVALID_REQUEST;
    }
    return ErrorCodes.TYPE_INTERNAL;
  }
}
