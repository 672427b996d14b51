package com.crossdeck.client.internal.encoding;

import com.crossdeck.client.internal.ApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Calendar;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Converts one property value of any Java type to JSON, following the coercion rules of the
 * Crossdeck contract: dates and times as ISO-8601, {@code BigDecimal} exactly, NaN and infinities
 * as {@code null}, {@code Optional} unwrapped, cycles as {@code "[circular]"}, nesting deeper than
 * {@value #MAX_DEPTH} levels as {@code "[depth-exceeded]"}, and records or beans through Jackson. A
 * number whose text is longer than {@link ApiContract#MAX_NUMBER_CHARS} characters is sent as a
 * string of the same digits, because JSON parsers refuse longer numbers and would reject the whole
 * batch.
 *
 * <p>Common types are written directly; only unknown objects pay for Jackson, whose mapper is built
 * on first use. A value whose conversion throws propagates the exception so the caller can drop
 * just that key. Every write respects the writer's limit, so a huge or endless value stops at it.
 * Not thread-safe: it keeps the chain of containers being written to detect cycles.
 */
final class ValueWriter {

  /** Values nested deeper than this are replaced; top-level property values are at depth 0. */
  static final int MAX_DEPTH = 5;

  private static final byte[] CIRCULAR = JsonWriter.quoted("[circular]");
  private static final byte[] DEPTH_EXCEEDED = JsonWriter.quoted("[depth-exceeded]");

  /**
   * Bits of a whole number whose digits could fill a property bag: anything longer cannot be sent,
   * and its decimal text is not even computed (that costs quadratic time in its length).
   */
  private static final long MAX_NUMBER_BITS = (long) (ApiContract.MAX_PROPERTIES_BYTES * 3.33);

  private final Object[] ancestors = new Object[MAX_DEPTH + 1];
  private int numbersAsStrings;

  /** How many numbers were sent as strings since the last {@link #resetCounts()}. */
  int numbersAsStrings() {
    return numbersAsStrings;
  }

  void resetCounts() {
    numbersAsStrings = 0;
  }

  /** Writes {@code value} as the JSON value found at {@code depth}. */
  void write(JsonWriter out, Object value, int depth) {
    if (depth > MAX_DEPTH) {
      out.raw(DEPTH_EXCEEDED);
    } else if (value == null) {
      out.nullValue();
    } else if (value instanceof String text) {
      out.string(text);
    } else if (value instanceof Boolean flag) {
      out.booleanValue(flag);
    } else if (value instanceof Number number) {
      writeNumber(out, number);
    } else if (!writeScalar(out, value)) {
      writeComposite(out, value, depth);
    }
  }

  private void writeNumber(JsonWriter out, Number number) {
    if (number instanceof Integer
        || number instanceof Long
        || number instanceof Short
        || number instanceof Byte
        || number instanceof AtomicInteger
        || number instanceof AtomicLong) {
      out.longValue(number.longValue());
    } else if (number instanceof Double || number instanceof Float) {
      double real = number.doubleValue();
      if (Double.isNaN(real) || Double.isInfinite(real)) {
        out.nullValue();
      } else if (number instanceof Float) {
        // Float.toString keeps 0.1f as 0.1 instead of widening it to 0.10000000149011612.
        out.numberText(number.toString());
      } else if (!out.shortDecimal(real)) {
        out.numberText(Double.toString(real));
      }
    } else if (number instanceof BigInteger whole) {
      requireDigitsCanFit(whole);
      writeNumberText(out, whole.toString());
    } else if (number instanceof BigDecimal decimal) {
      requireDigitsCanFit(decimal.unscaledValue());
      writeNumberText(out, decimal.toString());
    } else {
      double real = number.doubleValue();
      if (Double.isNaN(real) || Double.isInfinite(real)) {
        out.nullValue();
        return;
      }
      String text = number.toString();
      if (text.length() > ApiContract.MAX_PROPERTIES_BYTES) {
        throw OutputLimitReached.INSTANCE;
      }
      writeNumberText(out, new BigDecimal(text).toString());
    }
  }

  private static void requireDigitsCanFit(BigInteger digits) {
    if (digits.bitLength() > MAX_NUMBER_BITS) {
      throw OutputLimitReached.INSTANCE;
    }
  }

  private void writeNumberText(JsonWriter out, String text) {
    if (text.length() <= ApiContract.MAX_NUMBER_CHARS) {
      out.numberText(text);
    } else {
      out.string(text);
      numbersAsStrings++;
    }
  }

  /** Writes values that need no recursion; returns false for containers and unknown types. */
  private boolean writeScalar(JsonWriter out, Object value) {
    if (value instanceof CharSequence || value instanceof Character) {
      out.string(value.toString());
    } else if (value instanceof Enum<?> constant) {
      out.string(constant.name());
    } else if (value instanceof Instant instant) {
      out.instant(instant.getEpochSecond(), instant.getNano());
    } else if (value instanceof Date date) {
      // getTime() rather than toInstant(): java.sql.Date throws from toInstant().
      long millis = date.getTime();
      out.instant(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000);
    } else if (value instanceof Calendar calendar) {
      out.string(calendar.toInstant().toString());
    } else if (value instanceof ZonedDateTime || value instanceof OffsetDateTime) {
      // The formatter always prints seconds, where toString() drops them when zero.
      out.string(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((TemporalAccessor) value));
    } else if (value instanceof LocalDateTime local) {
      out.string(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(local));
    } else if (value instanceof TemporalAccessor) {
      // LocalDate, LocalDateTime, OffsetDateTime, Year... all print ISO-8601 from toString().
      out.string(value.toString());
    } else if (value instanceof java.time.Duration
        || value instanceof java.time.Period
        || value instanceof java.time.ZoneId
        || value instanceof java.util.UUID
        || value instanceof java.net.URI
        || value instanceof java.net.URL
        || value instanceof java.util.Locale
        || value instanceof java.util.Currency) {
      out.string(value.toString());
    } else if (value instanceof byte[] bytes) {
      out.string(Base64.getEncoder().encodeToString(bytes));
    } else {
      return writeOptional(out, value);
    }
    return true;
  }

  private boolean writeOptional(JsonWriter out, Object value) {
    if (value instanceof OptionalInt number) {
      writeOrNull(out, number.isPresent(), () -> out.longValue(number.getAsInt()));
    } else if (value instanceof OptionalLong number) {
      writeOrNull(out, number.isPresent(), () -> out.longValue(number.getAsLong()));
    } else if (value instanceof OptionalDouble number) {
      writeOrNull(out, number.isPresent(), () -> writeNumber(out, number.getAsDouble()));
    } else {
      return false;
    }
    return true;
  }

  private static void writeOrNull(JsonWriter out, boolean present, Runnable writer) {
    if (present) {
      writer.run();
    } else {
      out.nullValue();
    }
  }

  private void writeComposite(JsonWriter out, Object value, int depth) {
    if (value instanceof Optional<?> optional) {
      write(out, optional.orElse(null), depth);
      return;
    }
    for (int i = 0; i < depth; i++) {
      if (ancestors[i] == value) {
        out.raw(CIRCULAR);
        return;
      }
    }
    ancestors[depth] = value;
    try {
      if (value instanceof Map<?, ?> map) {
        writeMap(out, map, depth);
      } else if (value instanceof Iterable<?> iterable) {
        writeIterable(out, iterable.iterator(), depth);
      } else if (value.getClass().isArray()) {
        writeArray(out, value, depth);
      } else if (value instanceof JsonNode node) {
        writeNode(out, node, depth);
      } else {
        writeNode(out, beanAsTree(value, out.remaining()), depth);
      }
    } finally {
      ancestors[depth] = null;
    }
  }

  /**
   * A record or bean as Jackson sees it, read back as a tree so the rules above apply to its parts.
   * Jackson writes into a sink bounded by the room left, so a bean with an endless getter stops
   * there too.
   */
  private static JsonNode beanAsTree(Object value, int room) {
    BoundedSink sink =
        new BoundedSink(Math.min(Math.max(room, 0), ApiContract.MAX_PROPERTIES_BYTES));
    try {
      Json.mapper().writeValue(sink, value);
      return Json.mapper().readTree(sink.bytes, 0, sink.count);
    } catch (IOException | RuntimeException e) {
      // Jackson wraps what the sink throws; the sink remembers whether it was the bound.
      if (sink.overflowed) {
        throw OutputLimitReached.INSTANCE;
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** Collects bytes up to a bound, then refuses with {@link OutputLimitReached}. */
  private static final class BoundedSink extends OutputStream {
    private final int bound;
    private byte[] bytes = new byte[256];
    private int count;
    private boolean overflowed;

    BoundedSink(int bound) {
      this.bound = bound;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] source, int offset, int length) {
      if (length > bound - count) {
        overflowed = true;
        throw OutputLimitReached.INSTANCE;
      }
      if (count + length > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + length));
      }
      System.arraycopy(source, offset, bytes, count, length);
      count += length;
    }
  }

  private void writeMap(JsonWriter out, Map<?, ?> map, int depth) {
    out.raw((byte) '{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) {
        out.raw((byte) ',');
      }
      first = false;
      out.string(String.valueOf(entry.getKey()));
      out.raw((byte) ':');
      write(out, entry.getValue(), depth + 1);
    }
    out.raw((byte) '}');
  }

  private void writeIterable(JsonWriter out, Iterator<?> elements, int depth) {
    out.raw((byte) '[');
    boolean first = true;
    while (elements.hasNext()) {
      if (!first) {
        out.raw((byte) ',');
      }
      first = false;
      write(out, elements.next(), depth + 1);
    }
    out.raw((byte) ']');
  }

  private void writeArray(JsonWriter out, Object array, int depth) {
    out.raw((byte) '[');
    int length = Array.getLength(array);
    for (int i = 0; i < length; i++) {
      if (i > 0) {
        out.raw((byte) ',');
      }
      write(out, Array.get(array, i), depth + 1);
    }
    out.raw((byte) ']');
  }

  private void writeNode(JsonWriter out, JsonNode node, int depth) {
    if (node.isObject()) {
      out.raw((byte) '{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (!first) {
          out.raw((byte) ',');
        }
        first = false;
        out.string(field.getKey());
        out.raw((byte) ':');
        writeChild(out, field.getValue(), depth + 1);
      }
      out.raw((byte) '}');
    } else if (node.isArray()) {
      out.raw((byte) '[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.raw((byte) ',');
        }
        writeChild(out, node.get(i), depth + 1);
      }
      out.raw((byte) ']');
    } else {
      writeNodeScalar(out, node);
    }
  }

  private void writeChild(JsonWriter out, JsonNode child, int depth) {
    if (depth > MAX_DEPTH) {
      out.raw(DEPTH_EXCEEDED);
    } else {
      writeNode(out, child, depth);
    }
  }

  private void writeNodeScalar(JsonWriter out, JsonNode node) {
    if (node.isTextual()) {
      out.string(node.textValue());
    } else if (node.isBoolean()) {
      out.booleanValue(node.booleanValue());
    } else if (node.isIntegralNumber()) {
      writeNumber(out, node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      writeNumber(out, node.decimalValue());
    } else if (node.isNumber()) {
      writeNumber(out, node.doubleValue());
    } else if (node.isBinary() || node.isPojo()) {
      // BinaryNode prints itself as base64; a POJO node falls back to its text form.
      out.string(node.asText());
    } else {
      out.nullValue();
    }
  }
}
