package com.crossdeck.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One API request the emulator received (every {@code /v1} route an SDK calls, and unknown {@code
 * /v1} paths), with the response it produced. The read side ({@code /v1/customers/…}), CORS
 * preflights, the timeline page and the control endpoints are not recorded.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the request path without the query string, e.g. {@code /v1/events}
 * @param query the raw query string, empty when there is none
 * @param headers the request headers; keys are case-insensitive
 * @param body the request body (empty when it exceeded the 1 MB limit and was discarded)
 * @param status the status of the response the emulator produced; for a dropped connection, the
 *     status that would have been sent
 * @param connectionDropped whether the connection was closed instead of sending the response
 *     ({@link Faults#dropConnectionAfterProcessing})
 * @param receivedAt when the request arrived
 */
public record RecordedRequest(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    byte[] body,
    int status,
    boolean connectionDropped,
    Instant receivedAt) {

  /**
   * Copies the headers into an immutable, case-insensitive map and the body into a private array.
   */
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
    body = body.clone();
  }

  /** The first value of header {@code name} (case-insensitive), if the request had it. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A copy of the request body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The request body decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Equal when every component is, comparing bodies by content. */
  @Override
  public boolean equals(Object other) {
    return other instanceof RecordedRequest that
        && method.equals(that.method)
        && path.equals(that.path)
        && query.equals(that.query)
        && headers.equals(that.headers)
        && Arrays.equals(body, that.body)
        && status == that.status
        && connectionDropped == that.connectionDropped
        && receivedAt.equals(that.receivedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, query, headers, Arrays.hashCode(body), status, receivedAt);
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
  }
}
