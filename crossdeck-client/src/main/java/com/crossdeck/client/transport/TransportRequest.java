package com.crossdeck.client.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request built by the SDK.
 *
 * @param method {@code GET} or {@code POST}
 * @param url the absolute URL
 * @param headers header names and values (one value each; their order carries no meaning); contains
 *     the {@code Authorization} header, so never log it
 * @param body the request body, or {@code null} for a request without one
 * @param timeout the time the whole call may take, from connecting to reading the last byte
 */
public record TransportRequest(
    String method, String url, Map<String, String> headers, Body body, Duration timeout) {

  /** Validates the components and freezes the headers. */
  public TransportRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
  }

  /** Returns the value of a header, matching its name case-insensitively, or {@code null}. */
  public String header(String name) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  /** Headers are deliberately left out: they include the secret key. */
  @Override
  public String toString() {
    return "TransportRequest{" + method + ' ' + url + '}';
  }

  /**
   * A request body that knows its length and writes itself. The SDK assembles each batch body once,
   * as one array in a buffer it reuses for the next batch, so a body is valid only while its
   * request is being executed.
   */
  public interface Body {

    /** The exact number of bytes {@link #writeTo} writes. */
    long contentLength();

    /** The media type, {@code application/json} for every Crossdeck request. */
    default String contentType() {
      return "application/json";
    }

    /**
     * Writes the body. May be called more than once (for example when a transport retries a stale
     * pooled connection); every call writes the same bytes.
     */
    void writeTo(OutputStream out) throws IOException;

    /** Returns the body as one array; convenient for tests and for transports that need it. */
    default byte[] toByteArray() {
      ByteArrayOutputStream out =
          new ByteArrayOutputStream((int) Math.min(contentLength(), 1 << 20));
      try {
        writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }
}
