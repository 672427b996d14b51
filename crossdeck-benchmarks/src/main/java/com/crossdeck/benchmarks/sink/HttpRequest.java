package com.crossdeck.benchmarks.sink;

import java.util.Map;

/**
 * One HTTP/1.1 request as the sink read it.
 *
 * @param method the method, e.g. {@code POST}
 * @param path the path without the query string
 * @param headers the headers, names in lower case
 * @param body the body, already de-chunked and gunzipped
 * @param receivedNanos {@link System#nanoTime()} when the request line arrived
 */
public record HttpRequest(
    String method, String path, Map<String, String> headers, byte[] body, long receivedNanos) {

  /** Whether the client asked to close the connection after this exchange. */
  public boolean wantsClose() {
    return "close".equalsIgnoreCase(headers.get("connection"));
  }
}
