package com.crossdeck.emulator.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one JSON mapper of the emulator and conversions between its trees and plain Java values. */
final class Json {

  /**
   * Strict on input, as the README promises: a body is exactly one JSON value, and an object that
   * repeats a key is refused rather than silently keeping its last value.
   */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final String DUPLICATE_FIELD = "Duplicate field '";
  private static final int MAX_QUOTED_KEY = 64;

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * Parses a request body; anything that is not exactly one JSON value without repeated keys is
   * {@code invalid_json}, with a message that says where and never names a parser class.
   */
  static JsonNode parse(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new ApiException(ApiError.invalidJson("Request body is empty; expected JSON."));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ApiException(ApiError.invalidJson(describe(e)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(JsonProcessingException e) {
    String where = where(e.getLocation());
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof JsonParseException && original.startsWith(DUPLICATE_FIELD)) {
      int end = Math.max(DUPLICATE_FIELD.length(), original.lastIndexOf('\''));
      String key = original.substring(DUPLICATE_FIELD.length(), end);
      if (key.length() > MAX_QUOTED_KEY) {
        key = key.substring(0, MAX_QUOTED_KEY) + "…";
      }
      return "Request body repeats the key '" + key + "'" + where + ".";
    }
    if (e instanceof MismatchedInputException && original.startsWith("Trailing token")) {
      return "Request body must be exactly one JSON value; more follows" + where + ".";
    }
    return "Request body is not valid JSON" + where + ".";
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** Compact UTF-8 serialization, as used for responses and for the properties size limit. */
  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize " + value.getClass(), e);
    }
  }

  static String string(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize " + value.getClass(), e);
    }
  }

  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /**
   * Parses compact JSON of an object (as stored) into an immutable map, see {@link
   * #toMap(ObjectNode)}.
   */
  static Map<String, Object> toMap(byte[] object) {
    try {
      return toMap((ObjectNode) MAPPER.readTree(object));
    } catch (IOException e) {
      throw new UncheckedIOException("Stored JSON no longer parses", e);
    }
  }

  /**
   * Converts an object node to an immutable map of plain Java values (maps, lists, strings,
   * numbers, booleans and nulls), keeping key order, so stored data cannot be changed by a caller.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> toMap(ObjectNode node) {
    return (Map<String, Object>) toJava(node);
  }

  private static Object toJava(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(field -> map.put(field.getKey(), toJava(field.getValue())));
      return Collections.unmodifiableMap(map);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(element -> list.add(toJava(element)));
      return Collections.unmodifiableList(list);
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }
}
