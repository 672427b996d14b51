package com.crossdeck.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes JSON as UTF-8 into a growable byte array.
 *
 * <p>Each event is encoded exactly once, on the caller's thread, into a reused writer; the bytes
 * are then copied out once and kept until sent. Writing bytes directly (rather than building a tree
 * or a String first) keeps {@code track()} cheap and makes the byte limits exact. Not thread-safe:
 * one writer per thread.
 */
public final class JsonWriter {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] LONG_MIN =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

  private final int initialCapacity;
  private byte[] buffer;
  private int position;

  /** Creates a writer whose buffer starts at {@code initialCapacity} bytes. */
  public JsonWriter(int initialCapacity) {
    this.initialCapacity = initialCapacity;
    this.buffer = new byte[initialCapacity];
  }

  /** Empties the writer, releasing a buffer that grew beyond {@code maxRetained} bytes. */
  public void reset(int maxRetained) {
    position = 0;
    if (buffer.length > maxRetained) {
      buffer = new byte[initialCapacity];
    }
  }

  /** The number of bytes written so far. */
  public int position() {
    return position;
  }

  /** Discards everything written after {@code newPosition}. */
  public void truncate(int newPosition) {
    position = newPosition;
  }

  /** The backing array; valid up to {@link #position()}. */
  public byte[] buffer() {
    return buffer;
  }

  /** A copy of the bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, position);
  }

  /** Writes one raw byte, such as a brace or a comma. */
  public void raw(byte b) {
    ensure(1);
    buffer[position++] = b;
  }

  /** Writes bytes verbatim; they must already be valid JSON (or a valid JSON fragment). */
  public void raw(byte[] bytes) {
    raw(bytes, 0, bytes.length);
  }

  /** Writes a slice of bytes verbatim. */
  public void raw(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buffer, position, length);
    position += length;
  }

  /** Writes {@code null}. */
  public void nullValue() {
    raw(NULL);
  }

  /** Writes {@code true} or {@code false}. */
  public void booleanValue(boolean value) {
    raw(value ? TRUE : FALSE);
  }

  /** Writes a whole number without allocating. */
  public void longValue(long value) {
    if (value == Long.MIN_VALUE) {
      raw(LONG_MIN);
      return;
    }
    ensure(20);
    if (value < 0) {
      buffer[position++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long rest = value / 10; rest != 0; rest /= 10) {
      digits++;
    }
    int end = position + digits;
    for (int i = end - 1; i >= position; i--) {
      buffer[i] = (byte) ('0' + (value % 10));
      value /= 10;
    }
    position = end;
  }

  /** Writes a number given as its JSON text, such as {@code BigDecimal.toString()}. */
  public void numberText(String text) {
    int length = text.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      buffer[position++] = (byte) text.charAt(i);
    }
  }

  /** Writes a quoted, escaped string. */
  public void string(String value) {
    int length = value.length();
    ensure(length + 2);
    buffer[position++] = '"';
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80 && c >= 0x20 && c != '"' && c != '\\') {
        ensure(1);
        buffer[position++] = (byte) c;
      } else {
        i = writeSpecial(value, i, c);
      }
    }
    ensure(1);
    buffer[position++] = '"';
  }

  private int writeSpecial(String value, int index, char c) {
    ensure(12);
    if (c == '"' || c == '\\') {
      buffer[position++] = '\\';
      buffer[position++] = (byte) c;
    } else if (c < 0x20) {
      writeControl(c);
    } else if (c < 0x800) {
      buffer[position++] = (byte) (0xc0 | (c >> 6));
      buffer[position++] = (byte) (0x80 | (c & 0x3f));
    } else if (Character.isHighSurrogate(c)
        && index + 1 < value.length()
        && Character.isLowSurrogate(value.charAt(index + 1))) {
      int codePoint = Character.toCodePoint(c, value.charAt(index + 1));
      buffer[position++] = (byte) (0xf0 | (codePoint >> 18));
      buffer[position++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
      buffer[position++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
      buffer[position++] = (byte) (0x80 | (codePoint & 0x3f));
      return index + 1;
    } else {
      // A lone surrogate cannot be encoded as UTF-8; U+FFFD keeps the JSON valid.
      char encoded = Character.isSurrogate(c) ? '\ufffd' : c;
      buffer[position++] = (byte) (0xe0 | (encoded >> 12));
      buffer[position++] = (byte) (0x80 | ((encoded >> 6) & 0x3f));
      buffer[position++] = (byte) (0x80 | (encoded & 0x3f));
    }
    return index;
  }

  private void writeControl(char c) {
    buffer[position++] = '\\';
    switch (c) {
      case '\n' -> buffer[position++] = 'n';
      case '\r' -> buffer[position++] = 'r';
      case '\t' -> buffer[position++] = 't';
      case '\b' -> buffer[position++] = 'b';
      case '\f' -> buffer[position++] = 'f';
      default -> {
        buffer[position++] = 'u';
        buffer[position++] = '0';
        buffer[position++] = '0';
        buffer[position++] = HEX[c >> 4];
        buffer[position++] = HEX[c & 0xf];
      }
    }
  }

  private void ensure(int extra) {
    if (position + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + extra));
    }
  }

  /** Encodes a string as a complete JSON string literal; for constants built once. */
  public static byte[] quoted(String value) {
    JsonWriter writer = new JsonWriter(value.length() + 16);
    writer.string(value);
    return writer.toByteArray();
  }
}
