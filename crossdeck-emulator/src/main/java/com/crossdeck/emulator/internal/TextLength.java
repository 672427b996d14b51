package com.crossdeck.emulator.internal;

/**
 * Lengths of ids and keys as people count them: in Unicode code points, so an emoji is one
 * character and not the two UTF-16 units Java's {@code String.length()} sees.
 */
final class TextLength {

  private TextLength() {}

  static int of(String value) {
    return value.codePointCount(0, value.length());
  }

  /** Whether {@code value} has 1 to {@code max} code points. */
  static boolean isWithin(String value, int max) {
    return !value.isEmpty() && of(value) <= max;
  }
}
