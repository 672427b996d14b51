package com.crossdeck.client.transport;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The response to a {@link TransportRequest}.
 *
 * @param status the HTTP status code
 * @param headers response headers; names in lower case, the first value of each
 * @param body the response body, empty when there was none
 */
public record TransportResponse(int status, Map<String, String> headers, byte[] body) {

  /** Validates the components and freezes the headers. */
  public TransportResponse {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /** Whether the status is in the 2xx range. */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** Returns a header's value, matching its name case-insensitively, or {@code null}. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
