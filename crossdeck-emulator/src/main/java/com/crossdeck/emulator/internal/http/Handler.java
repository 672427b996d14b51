package com.crossdeck.emulator.internal.http;

/**
 * Answers requests for the {@link HttpServer}. Called on a worker thread with a request whose body
 * has been read completely, so a handler never waits for a client.
 */
public interface Handler {

  /** The answer to a well-formed request. */
  HttpResponse handle(HttpRequest request);

  /**
   * The answer to a request the transport refused before any handler could see it (malformed, too
   * slow, too large a head, server busy). The connection is closed after it is sent.
   *
   * @param status the HTTP status, e.g. 400, 408, 431, 503
   * @param code a machine-readable code, e.g. {@code malformed_request}
   * @param message a generic explanation that quotes nothing from the request
   */
  HttpResponse reject(int status, String code, String message);
}
