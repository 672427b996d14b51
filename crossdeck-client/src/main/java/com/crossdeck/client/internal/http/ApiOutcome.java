package com.crossdeck.client.internal.http;

import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.transport.TransportResponse;

/**
 * What became of one request, as {@link ApiClient} classifies it. Every caller (the batch sender,
 * {@code ingest}, {@code identify}, the heartbeat) decides from these four cases and nothing else.
 */
public sealed interface ApiOutcome {

  /**
   * The server answered 2xx.
   *
   * @param response the response, body included
   */
  record Success(TransportResponse response) implements ApiOutcome {}

  /**
   * Repeating the same request later may succeed: no response (connection failure, timeout, a
   * transport that threw), 408, 429 or 5xx. {@link CrossdeckException#retryAfter()} carries the
   * server's delay hint, if it sent one.
   *
   * @param error what went wrong
   */
  record Retryable(CrossdeckException error) implements ApiOutcome {}

  /**
   * The server refused the request for good: a 4xx other than 408 and 429, with the server's error.
   *
   * @param error the server's error
   */
  record Rejected(CrossdeckException error) implements ApiOutcome {}

  /**
   * No request can be sent at all: the transport could not be created, or it cannot run (it threw a
   * {@link LinkageError}, such as an HTTP library of the wrong version).
   *
   * @param error why, with code {@code transport_unavailable}
   */
  record Unavailable(CrossdeckException error) implements ApiOutcome {}
}
