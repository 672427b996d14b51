package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.internal.http.HttpLimits;
import com.crossdeck.emulator.internal.http.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request being served: what arrived, when, and the request id its answer carries. */
final class HttpCall {

  /** The API's request size limit: 1 MB. */
  static final int MAX_BODY_BYTES = HttpLimits.DEFAULT.maxBodyBytes();

  private final HttpRequest request;
  private final String requestId = Ids.requestId();
  private final Instant receivedAt;
  private final List<String> segments;
  private final Map<String, String> query;

  HttpCall(HttpRequest request, Instant receivedAt) {
    this.request = request;
    this.receivedAt = receivedAt;
    this.segments = segments(request.path());
    this.query = query(request.rawQuery());
  }

  String method() {
    return request.method();
  }

  String path() {
    return request.path();
  }

  String rawQuery() {
    return request.rawQuery();
  }

  /** The decoded, non-empty path segments: {@code /v1/customers/a%2Fb} → [v1, customers, a/b]. */
  List<String> segments() {
    return segments;
  }

  Optional<String> header(String name) {
    return request.headers().first(name);
  }

  Map<String, List<String>> headers() {
    return request.headers().asMap();
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
    return request.body();
  }

  /** The body, or a 413 {@code request_too_large} when it exceeded the 1 MB limit. */
  byte[] body() {
    if (request.bodyTooLarge()) {
      throw new ApiException(
          ApiError.of(
              413,
              "request_too_large",
              "Request body exceeds the limit of " + MAX_BODY_BYTES + " bytes."));
    }
    return request.body();
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
    if (!rawQuery.isEmpty()) {
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
