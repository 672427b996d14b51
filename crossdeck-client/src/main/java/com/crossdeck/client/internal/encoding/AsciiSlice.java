package com.crossdeck.client.internal.encoding;

import java.nio.charset.StandardCharsets;

/**
 * Characters held as ASCII bytes inside a larger array, read without copying; {@link #toString()}
 * builds the string. The encoder hands one to {@code track()}'s result for an id it generated
 * straight into the event's bytes, so the id costs a string only when someone reads it. Immutable,
 * provided the array is never written again.
 */
final class AsciiSlice implements CharSequence {

  private final byte[] bytes;
  private final int offset;
  private final int length;

  AsciiSlice(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    return (char) bytes[offset + index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().subSequence(start, end);
  }

  @Override
  public String toString() {
    return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
  }
}
