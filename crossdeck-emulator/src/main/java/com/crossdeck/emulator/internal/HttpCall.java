package com.crossdeck.emulator.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request being served: what arrived, its request id, and the way to answer it. */
final class HttpCall {

  private final HttpExchange exchange;
  private final String requestId = Ids.requestId();
  private final Instant receivedAt;
  private final RequestBody body;
  private final List<String> segments;
  private final Map<String, String> query;

  private HttpCall(HttpExchange exchange, Instant receivedAt, RequestBody body) {
    this.exchange = exchange;
    this.receivedAt = receivedAt;
    this.body = body;
    this.segments = segments(exchange.getRequestURI().getRawPath());
    this.query = query(exchange.getRequestURI().getRawQuery());
  }

  /** Reads the request, including its body, so every answer leaves the connection reusable. */
  static HttpCall read(HttpExchange exchange, Instant receivedAt) throws IOException {
    return new HttpCall(
        exchange,
        receivedAt,
        RequestBody.read(exchange.getRequestBody(), declaredLength(exchange)));
  }

  String method() {
    return exchange.getRequestMethod();
  }

  String path() {
    return exchange.getRequestURI().getRawPath();
  }

  String rawQuery() {
    String raw = exchange.getRequestURI().getRawQuery();
    return raw == null ? "" : raw;
  }

  /** The decoded, non-empty path segments: {@code /v1/customers/a%2Fb} → [v1, customers, a/b]. */
  List<String> segments() {
    return segments;
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  Map<String, List<String>> headers() {
    return exchange.getRequestHeaders();
  }

  Optional<String> queryParam(String name) {
    return Optional.ofNullable(query.get(name));
  }

  String requestId() {
    return requestId;
  }

  Instant receivedAt() {
    return receivedAt;
  }

  /** The body as received, for the request log; empty when it was too large. */
  byte[] receivedBytes() {
    return body.bytes();
  }

  /** The body, or a 413 {@code request_too_large} when it exceeded the 1 MB limit. */
  byte[] body() {
    if (body.tooLarge()) {
      throw new ApiException(
          ApiError.of(
              413,
              "request_too_large",
              "Request body exceeds the limit of " + RequestBody.MAX_BYTES + " bytes."));
    }
    return body.bytes();
  }

  void send(ApiResponse response) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", response.contentType());
    headers.set("x-request-id", requestId);
    response.headers().forEach(headers::set);
    byte[] bytes = response.body();
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static long declaredLength(HttpExchange exchange) {
    String value = exchange.getRequestHeaders().getFirst("Content-Length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static List<String> segments(String rawPath) {
    List<String> result = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      if (!segment.isEmpty()) {
        result.add(decode(segment.replace("+", "%2B")));
      }
    }
    return List.copyOf(result);
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> result = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        result.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return result;
  }

  /** Percent-decodes; a malformed escape is kept as written rather than failing the request. */
  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return value;
    }
  }
}
