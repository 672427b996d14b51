package com.crossdeck.client.internal.encoding;

/**
 * Thrown by a {@link JsonWriter} when a write would pass its limit. It is an answer, not a bug: one
 * shared instance, without a stack trace, so hitting the limit costs nothing.
 */
final class OutputLimitReached extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final OutputLimitReached INSTANCE = new OutputLimitReached();

  private OutputLimitReached() {
    super("JSON output limit reached", null, false, false);
  }
}
