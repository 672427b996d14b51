package com.crossdeck.emulator.internal;

/**
 * Ends the handling of a request with an error response. Thrown by validation deep inside a handler
 * so the happy path reads straight through; it carries no stack trace because it is control flow.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial")
  private final ApiError error;

  ApiException(ApiError error) {
    super(error.code() + ": " + error.message(), null, false, false);
    this.error = error;
  }

  ApiError error() {
    return error;
  }
}
