package com.crossdeck.emulator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A method and path pattern ({@code /v1/customers/{id}/timeline}) with its handler and kind.
 *
 * @param kind what the router does around the handler
 */
record Route(String method, String pattern, Kind kind, Handler handler) {

  /** What the router does around a route's handler. */
  enum Kind {
    /** {@code POST /v1/events}: latency, injected failures, dropped connections; recorded. */
    INGEST,
    /** The other API routes: latency; recorded. */
    API,
    /** The emulator's own read side and pages: never faulted, never recorded. */
    LOCAL,
    /** The controls ({@code /_emulator/*}): local callers only, never faulted or recorded. */
    CONTROL;

    /** Whether this is an API route: delayed by injected latency and recorded. */
    boolean isApi() {
      return this == INGEST || this == API;
    }
  }

  /** Answers a request; {@code params} are the values of the pattern's {@code {…}} segments. */
  @FunctionalInterface
  interface Handler {
    ApiResponse handle(HttpCall call, List<String> params);
  }

  /** What serves a request: the handler, its kind, and the values of the placeholders. */
  record Match(Kind kind, Handler handler, List<String> params) {}

  /** The placeholder values when {@code segments} fit the pattern. */
  Optional<List<String>> match(List<String> segments) {
    List<String> parts = Arrays.stream(pattern.split("/")).filter(part -> !part.isEmpty()).toList();
    if (parts.size() != segments.size()) {
      return Optional.empty();
    }
    List<String> params = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).startsWith("{")) {
        params.add(segments.get(i));
      } else if (!parts.get(i).equals(segments.get(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}
