package com.crossdeck.client.transport;

import java.io.IOException;

/**
 * Sends one HTTP request and returns its response. The seam between the SDK and the network.
 *
 * <p>By default the client uses {@link OkHttpTransport} where OkHttp can run, otherwise {@link
 * JdkHttpTransport}. Supply another one with {@code CrossdeckServer.builder(key).transport(...)} to
 * route requests through a corporate HTTP client, to add a proxy, or to record requests in tests.
 * Whatever an implementation throws is handled: an {@link IOException}, an unchecked exception or
 * an {@link Error} counts as a failed attempt that is retried, and a {@link LinkageError} as a
 * transport that cannot run, which fails the client.
 *
 * <p>Implementations must be safe to call from several threads at once. They must not retry on
 * their own in a way that changes the request: the SDK owns retries and reuses each batch's {@code
 * Idempotency-Key}. A response of any status is returned, never thrown; only transport failures
 * (connection refused, reset, timeout) throw {@link IOException}.
 */
public interface Transport extends AutoCloseable {

  /**
   * Executes the request synchronously.
   *
   * @param request the request to send
   * @return the response, whatever its status
   * @throws IOException when no response was received; a {@link java.net.SocketTimeoutException} or
   *     {@link java.io.InterruptedIOException} means the request timed out
   */
  TransportResponse execute(TransportRequest request) throws IOException;

  /** Releases connections and threads. Called once, when the client is closed. */
  @Override
  default void close() {}
}
