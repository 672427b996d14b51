package com.crossdeck.emulator.internal.http;

import java.util.Objects;

/**
 * A complete request as it arrived: the transport has read all of it before a handler sees it.
 *
 * @param method the method token, e.g. {@code POST}
 * @param path the raw (still percent-encoded) path of the request target
 * @param rawQuery the raw query string, empty when there is none
 * @param headers the request headers
 * @param body the body; empty when there was none or when it exceeded the body limit
 * @param bodyTooLarge whether the body (declared or actual) exceeded the body limit; its bytes were
 *     skipped
 */
public record HttpRequest(
    String method,
    String path,
    String rawQuery,
    Headers headers,
    byte[] body,
    boolean bodyTooLarge) {

  /** Checks that every component is present. */
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rawQuery, "rawQuery");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }
}
