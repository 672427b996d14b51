package com.crossdeck.benchmarks.sink;

import com.crossdeck.benchmarks.sdk.TypicalEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The ingest requests of each SDK: which path they use, what they must be answered for the SDK to
 * count them as delivered, and how to find the events in them.
 *
 * <p>Events are found by their {@code order_number} property ({@link TypicalEvent#ORDER_NUMBER}),
 * which the harness sets identically in every SDK; so the counts and duplicates of every SDK are
 * measured the same way, whether or not the SDK sends ids of its own.
 */
enum WireFormat {
  /** {@code POST /v1/events}, JSON {@code {"events":[...]}}. */
  CROSSDECK(202, "{\"accepted\":true}"),
  /** {@code POST /v1/import} (or {@code /v1/batch}), JSON {@code {"batch":[...]}}. */
  SEGMENT(200, "{\"success\":true}"),
  /** {@code POST /batch}, JSON {@code {"api_key":…,"batch":[...]}}. */
  POSTHOG(200, "{\"status\":1}"),
  /** {@code POST /track}, form-encoded {@code data=} holding a base64 JSON array. */
  MIXPANEL(200, "1");

  private static final JsonFactory JSON = new JsonFactory();

  private final int okStatus;
  private final byte[] okBody;

  WireFormat(int okStatus, String okBody) {
    this.okStatus = okStatus;
    this.okBody = okBody.getBytes(StandardCharsets.UTF_8);
  }

  /** The format of an ingest request, or {@code null} when the request is not one. */
  static WireFormat of(String method, String path) {
    if (!"POST".equals(method)) {
      return null;
    }
    return switch (path) {
      case "/v1/events" -> CROSSDECK;
      case "/v1/import", "/v1/import/", "/v1/batch", "/v1/batch/" -> SEGMENT;
      case "/batch", "/batch/" -> POSTHOG;
      case "/track", "/track/" -> MIXPANEL;
      default -> null;
    };
  }

  /** The success status this SDK expects. */
  int okStatus() {
    return okStatus;
  }

  /** The success body this SDK expects. */
  byte[] okBody() {
    return okBody;
  }

  /** The {@code order_number} of every event in the request body, in order. */
  int[] orderNumbers(byte[] body) throws IOException {
    return scan(this == MIXPANEL ? mixpanelJson(body) : body);
  }

  /** Every {@code order_number} field anywhere in a JSON document. */
  static int[] scan(byte[] json) throws IOException {
    int[] numbers = new int[32];
    int count = 0;
    try (JsonParser parser = JSON.createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME
            && TypicalEvent.ORDER_NUMBER.equals(parser.currentName())
            && parser.nextToken().isNumeric()) {
          if (count == numbers.length) {
            numbers = Arrays.copyOf(numbers, count * 2);
          }
          numbers[count++] = parser.getIntValue();
        }
      }
    }
    return Arrays.copyOf(numbers, count);
  }

  private static byte[] mixpanelJson(byte[] form) {
    for (String pair : new String(form, StandardCharsets.US_ASCII).split("&")) {
      if (pair.startsWith("data=")) {
        String base64 = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
        return Base64.getMimeDecoder().decode(base64);
      }
    }
    return new byte[0];
  }
}
