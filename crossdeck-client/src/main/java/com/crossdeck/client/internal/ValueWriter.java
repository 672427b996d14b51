package com.crossdeck.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * {@value #MAX_DEPTH} levels as {@code "[depth-exceeded]"}, and records or beans through Jackson.
 *
 * <p>Common types are written directly; only unknown objects pay for Jackson. A value whose
 * conversion throws propagates the exception so the caller can drop just that key. Not thread-safe:
 * it keeps the chain of containers being written to detect cycles.
 */
final class ValueWriter {

  /** Values nested deeper than this are replaced; top-level property values are at depth 0. */
  static final int MAX_DEPTH = 5;

  private static final byte[] CIRCULAR = JsonWriter.quoted("[circular]");
  private static final byte[] DEPTH_EXCEEDED = JsonWriter.quoted("[depth-exceeded]");

  private final ObjectMapper mapper;
  private final Object[] ancestors = new Object[MAX_DEPTH + 1];

  ValueWriter(ObjectMapper mapper) {
    this.mapper = mapper;
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
    } else if (number instanceof BigDecimal || number instanceof BigInteger) {
      out.numberText(number.toString());
    } else {
      double real = number.doubleValue();
      if (Double.isNaN(real) || Double.isInfinite(real)) {
        out.nullValue();
      } else {
        out.numberText(new BigDecimal(number.toString()).toString());
      }
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
        writeNode(out, mapper.valueToTree(value), depth);
      }
    } finally {
      ancestors[depth] = null;
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
      out.numberText(node.bigIntegerValue().toString());
    } else if (node.isBigDecimal()) {
      out.numberText(node.decimalValue().toString());
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
