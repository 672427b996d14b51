package com.crossdeck.client.internal.encoding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes JSON as UTF-8 into a growable byte array.
 *
 * <p>Each event is encoded exactly once, on the caller's thread, into a reused writer; the bytes
 * are then copied out once and kept until sent. Writing bytes directly (rather than building a tree
 * or a String first) keeps {@code track()} cheap and makes the byte limits exact.
 *
 * <p>A writer can be given a {@linkplain #limit(int) limit}: a write that would pass it throws
 * {@link OutputLimitReached} before copying anything, so no value, however large (or endless), can
 * make it use more memory or time than the limit allows. Not thread-safe: one writer per thread.
 */
public final class JsonWriter {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] LONG_MIN =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
  private static final long EIGHT_DIGITS = 100_000_000L;
  private static final double[] POWERS_OF_TEN = {1, 10, 100, 1000};
  private static final double MAX_FAST_DECIMAL = 1e12;

  /**
   * Day numbers (since 1970-01-01) of 0000-03-01 and 9999-12-31: the civil-from-days arithmetic
   * counts from a March 1st, and stays non-negative from there.
   */
  private static final long MIN_FAST_DAY = -719_468;

  private static final long MAX_FAST_DAY = 2_932_896;
  private static final byte[] PAIR_TENS = new byte[100];
  private static final byte[] PAIR_ONES = new byte[100];
  private static final boolean[] PLAIN_ASCII = new boolean[128];

  static {
    for (int i = 0; i < 100; i++) {
      PAIR_TENS[i] = (byte) ('0' + i / 10);
      PAIR_ONES[i] = (byte) ('0' + i % 10);
    }
    for (int c = 0x20; c < 0x80; c++) {
      PLAIN_ASCII[c] = c != '"' && c != '\\';
    }
  }

  private final int initialCapacity;
  private byte[] buffer;
  private int position;
  private int limit = Integer.MAX_VALUE;
  // The end of the room writes may use without a closer look: the buffer's end or the limit.
  private int end;

  /** Creates a writer whose buffer starts at {@code initialCapacity} bytes. */
  public JsonWriter(int initialCapacity) {
    this.initialCapacity = initialCapacity;
    this.buffer = new byte[initialCapacity];
    this.end = initialCapacity;
  }

  /**
   * Empties the writer and removes its limit, releasing a buffer that grew beyond {@code
   * maxRetained} bytes.
   */
  public void reset(int maxRetained) {
    position = 0;
    if (buffer.length > maxRetained) {
      buffer = new byte[initialCapacity];
    }
    removeLimit();
  }

  /**
   * Makes every write that would end beyond {@code maxPosition} throw {@link OutputLimitReached}
   * instead, leaving what was written before it in place.
   */
  public void limit(int maxPosition) {
    limit = maxPosition;
    end = Math.min(buffer.length, limit);
  }

  /** Removes the limit. */
  public void removeLimit() {
    limit = Integer.MAX_VALUE;
    end = buffer.length;
  }

  /** How many bytes may still be written before the limit. */
  public int remaining() {
    return limit - position;
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
    if (value <= Integer.MAX_VALUE) {
      writeInt((int) value);
      return;
    }
    // 64-bit division is several times slower than 32-bit; one splits off the low eight digits
    // (a timestamp rides on every event) and the rest is int arithmetic.
    long high = value / EIGHT_DIGITS;
    longValue(high);
    digits((int) (value - high * EIGHT_DIGITS), 8);
  }

  private void writeInt(int value) {
    int width = 1;
    for (int threshold = 10; width < 10 && value >= threshold; threshold *= 10) {
      width++;
    }
    digits(value, width);
  }

  /**
   * Writes a finite double the way {@link Double#toString(double)} would when it has at most three
   * decimals and a magnitude below 10^12 (prices, ratios, durations: most real property values),
   * without allocating; returns false, writing nothing, for any other value.
   *
   * <p>The digits are those of the smallest-scale decimal that converts back to exactly this
   * double, so the value read by the server is the same double.
   */
  public boolean shortDecimal(double value) {
    double magnitude = Math.abs(value);
    if (!(magnitude < MAX_FAST_DECIMAL) || (value == 0 && 1 / value < 0)) {
      return false;
    }
    for (int scale = 0; scale < POWERS_OF_TEN.length; scale++) {
      double scaled = magnitude * POWERS_OF_TEN[scale];
      long units = (long) scaled;
      if (units == scaled && units / POWERS_OF_TEN[scale] == magnitude) {
        // A product can be exact only at a larger scale (2396451.97 * 100 is not, * 1000 is).
        int shortest = scale;
        while (shortest > 0 && units % 10 == 0) {
          units /= 10;
          shortest--;
        }
        writeDecimal(value < 0, units, shortest);
        return true;
      }
    }
    return false;
  }

  private void writeDecimal(boolean negative, long units, int scale) {
    ensure(24);
    if (negative) {
      buffer[position++] = '-';
    }
    long divisor = (long) POWERS_OF_TEN[scale];
    longValue(units / divisor);
    buffer[position++] = '.';
    if (scale == 0) {
      buffer[position++] = '0';
    } else {
      digits((int) (units % divisor), scale);
    }
  }

  /** Writes a number given as its JSON text, such as {@code BigDecimal.toString()}. */
  public void numberText(String text) {
    int length = text.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      buffer[position++] = (byte) text.charAt(i);
    }
  }

  /**
   * Writes an instant as a quoted ISO-8601 string, exactly as {@link java.time.Instant#toString()}
   * prints it ({@code 2026-03-01T12:00:00.123Z}; the fraction in groups of three digits), without
   * allocating. Dates and times are common property values, and the JDK's formatter allocates
   * several objects per call.
   */
  public void instant(long epochSecond, int nanos) {
    long days = Math.floorDiv(epochSecond, 86_400L);
    int secondOfDay = (int) (epochSecond - days * 86_400L);
    // Years 0000-9999 span fewer than 3,700,000 days, so the calendar maths below fits in int,
    // whose division is far cheaper than long's.
    if (days < MIN_FAST_DAY || days > MAX_FAST_DAY) {
      string(java.time.Instant.ofEpochSecond(epochSecond, nanos).toString());
      return;
    }
    // Days to a proleptic Gregorian date (Howard Hinnant's civil_from_days); shifted is >= 0.
    int shifted = (int) days + 719_468;
    int era = shifted / 146_097;
    int dayOfEra = shifted - era * 146_097;
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthIndex = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    int year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    ensure(32);
    buffer[position++] = '"';
    digits(year, 4);
    buffer[position++] = '-';
    digits(month, 2);
    buffer[position++] = '-';
    digits(day, 2);
    buffer[position++] = 'T';
    digits(secondOfDay / 3600, 2);
    buffer[position++] = ':';
    digits(secondOfDay / 60 % 60, 2);
    buffer[position++] = ':';
    digits(secondOfDay % 60, 2);
    if (nanos != 0) {
      buffer[position++] = '.';
      if (nanos % 1_000_000 == 0) {
        digits(nanos / 1_000_000, 3);
      } else if (nanos % 1000 == 0) {
        digits(nanos / 1000, 6);
      } else {
        digits(nanos, 9);
      }
    }
    buffer[position++] = 'Z';
    buffer[position++] = '"';
  }

  /** Writes a non-negative number zero-padded to exactly {@code width} digits; space is ensured. */
  private void digits(int value, int width) {
    int at = position + width;
    position = at;
    for (int written = 0; written < width; written += 2) {
      int pair = value % 100;
      value /= 100;
      buffer[--at] = PAIR_ONES[pair];
      if (written + 1 < width) {
        buffer[--at] = PAIR_TENS[pair];
      }
    }
  }

  /**
   * Writes the member {@code "name":"value"} of an object, after a comma unless it is the object's
   * first; nothing for a null or blank value, since the API's optional fields are left out rather
   * than sent empty.
   *
   * @param first whether the object has no member yet
   * @return whether the object still has no member
   */
  public boolean optionalMember(String name, String value, boolean first) {
    if (value == null || value.isBlank()) {
      return first;
    }
    if (!first) {
      raw((byte) ',');
    }
    raw(quoted(name));
    raw((byte) ':');
    string(value);
    return false;
  }

  /** Writes a quoted, escaped string. */
  public void string(String value) {
    int length = value.length();
    ensure(length + 2);
    buffer[position++] = '"';
    int from = 0;
    while (from < length) {
      int plainEnd = from;
      while (plainEnd < length) {
        char c = value.charAt(plainEnd);
        if (c >= 0x80 || !PLAIN_ASCII[c]) {
          break;
        }
        plainEnd++;
      }
      copyPlain(value, from, plainEnd);
      if (plainEnd == length) {
        break;
      }
      from = writeSpecial(value, plainEnd, value.charAt(plainEnd)) + 1;
      // Room again for every remaining character at one byte plus the closing quote.
      ensure(length - from + 1);
    }
    buffer[position++] = '"';
  }

  /**
   * Copies characters already known to be printable ASCII. The deprecated {@code getBytes} copies
   * the low byte of each character, which is exact here, and is a plain array copy for the compact
   * strings Java uses for such text.
   */
  @SuppressWarnings("deprecation")
  private void copyPlain(String value, int from, int to) {
    value.getBytes(from, to, buffer, position);
    position += to - from;
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
    if (extra > end - position) {
      grow(extra);
    }
  }

  private void grow(int extra) {
    long needed = (long) position + extra;
    if (needed > limit) {
      throw OutputLimitReached.INSTANCE;
    }
    buffer =
        Arrays.copyOf(
            buffer, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(buffer.length * 2L, needed)));
    end = Math.min(buffer.length, limit);
  }

  /** Encodes a string as a complete JSON string literal; for constants built once. */
  public static byte[] quoted(String value) {
    JsonWriter writer = new JsonWriter(value.length() + 16);
    writer.string(value);
    return writer.toByteArray();
  }
}
