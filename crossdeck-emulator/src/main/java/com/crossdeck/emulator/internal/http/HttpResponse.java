package com.crossdeck.emulator.internal.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to do with a request: send a response, or close the connection without sending anything (the
 * lost-response case fault injection needs).
 *
 * @param status the HTTP status
 * @param headers response headers in sending order (the transport adds {@code Content-Length} and,
 *     when it closes the connection, {@code Connection: close})
 * @param body the body bytes
 * @param dropped whether to close the connection instead of answering
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body, boolean dropped) {

  /** Copies the headers, keeping their order. */
  public HttpResponse {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A response to send. */
  public static HttpResponse of(int status, Map<String, String> headers, byte[] body) {
    return new HttpResponse(status, headers, body, false);
  }

  /** No response at all: the connection is closed after the request was read. */
  public static HttpResponse dropConnection() {
    return new HttpResponse(0, Map.of(), new byte[0], true);
  }
}
