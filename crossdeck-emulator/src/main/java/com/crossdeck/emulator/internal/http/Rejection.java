package com.crossdeck.emulator.internal.http;

/**
 * Why the transport refused a request before any handler saw it; the connection is closed after the
 * answer. Messages are generic: they quote nothing from the request.
 */
record Rejection(int status, String code, String message) {

  static final Rejection MALFORMED =
      new Rejection(400, "malformed_request", "The request is not valid HTTP/1.1.");

  static Rejection headTooLarge(HttpLimits limits) {
    return new Rejection(
        431,
        "request_header_fields_too_large",
        "The request line and headers must fit in "
            + limits.maxHeadBytes()
            + " bytes and "
            + limits.maxHeaders()
            + " fields.");
  }

  /** Thrown while parsing to stop at the first refusal. */
  static final class Refused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial")
    private final Rejection rejection;

    Refused(Rejection rejection) {
      super(rejection.code(), null, false, false);
      this.rejection = rejection;
    }

    Rejection rejection() {
      return rejection;
    }
  }
}
