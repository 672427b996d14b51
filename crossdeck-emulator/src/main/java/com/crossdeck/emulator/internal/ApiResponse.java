package com.crossdeck.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete response, ready to send or to cache for an idempotent replay. The {@code x-request-id}
 * header is not part of it: every delivery, including a replay, gets its own request id.
 */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

  private static final String JSON = "application/json";

  ApiResponse {
    headers = Map.copyOf(headers);
  }

  static ApiResponse json(int status, Object body) {
    return new ApiResponse(status, JSON, jsonLine(body), Map.of());
  }

  static ApiResponse html(int status, String page) {
    return new ApiResponse(
        status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static ApiResponse error(ApiError error, String requestId) {
    return new ApiResponse(
        error.status(), JSON, jsonLine(error.toJson(requestId)), error.headers());
  }

  /** Compact JSON plus a newline, so responses read well in a terminal (curl). */
  private static byte[] jsonLine(Object body) {
    byte[] json = Json.bytes(body);
    byte[] line = Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }

  boolean successful() {
    return status >= 200 && status < 300;
  }

  ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(status, contentType, body, more);
  }
}
