package com.crossdeck.emulator.internal.http;

import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one complete request on a worker thread: runs the {@link Handler}, turns a handler that
 * fails into a 500 in the same envelope as every other error, and encodes the response.
 */
final class Responder {

  private static final Logger log = LoggerFactory.getLogger(Responder.class);

  private final Handler handler;

  Responder(Handler handler) {
    this.handler = handler;
  }

  /**
   * The response's bytes, or null when the handler asked for the connection to be dropped.
   *
   * @param head whether the request was {@code HEAD}
   * @param close whether the connection closes after this response
   */
  ByteBuffer respond(HttpRequest request, boolean head, boolean close) {
    HttpResponse response;
    try {
      response = handler.handle(request);
    } catch (RuntimeException e) {
      log.error("Answering {} {} failed", request.method(), request.path(), e);
      response =
          handler.reject(
              500, "internal_error", "The emulator failed to answer; its log has the details.");
    }
    return response.dropped() ? null : ResponseEncoder.encode(response, head, close);
  }

  /** The response to a request the transport refused; the connection closes after it. */
  ByteBuffer reject(int status, String code, String message) {
    return ResponseEncoder.encode(handler.reject(status, code, message), false, true);
  }
}
