package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-event rules of {@code POST /v1/events}, checked in this order, each failure a 400 {@code
 * invalid_request_error} naming the field ({@code param}) and the event ({@code index}):
 *
 * <ol>
 *   <li>{@code name}: a non-empty string ({@code missing_required_param}; a non-string is {@code
 *       invalid_param_value});
 *   <li>at least one of {@code developerUserId}, {@code anonymousId}, {@code crossdeckCustomerId}
 *       (none → {@code missing_identity_hint}, param {@code developerUserId}); several are
 *       accepted, as the web SDK sends every identity it knows, and {@link IdentityGraph} decides
 *       by precedence;
 *   <li>each hint: a string of 1–256 characters ({@code invalid_param_value});
 *   <li>{@code properties}: an object whose compact UTF-8 JSON is at most 8192 bytes ({@code
 *       invalid_param_value}, {@code properties_too_large});
 *   <li>{@code eventId}: a string of 1–256 characters; {@code timestamp}: a whole number of epoch
 *       milliseconds from 0 (1970) to {@value #MAX_TIMESTAMP} (the end of the year 9999).
 * </ol>
 *
 * Characters are Unicode code points ({@link TextLength}).
 *
 * <p>A JSON {@code null} counts as absent for every optional field, because serializers that write
 * nulls (Jackson's default, for one) are common in the clients that send here.
 */
final class EventValidator {

  static final int MAX_IDENTITY_LENGTH = 256;
  static final int MAX_EVENT_ID_LENGTH = 256;
  static final int MAX_PROPERTIES_BYTES = 8192;
  static final long MAX_TIMESTAMP = 253_402_300_799_999L;

  private static final byte[] EMPTY_OBJECT = {'{', '}'};

  private EventValidator() {}

  static IncomingEvent validate(JsonNode event, int index, long receivedAtMillis) {
    if (!event.isObject()) {
      throw invalid(
          "invalid_param_value", "events[" + index + "] must be an object.", "events", index);
    }
    String name = name(event, index);
    List<IdentityHint> identities = identities(event, index);
    byte[] properties = properties(event, index);
    String eventId = eventId(event, index);
    long timestamp = timestamp(event, index, receivedAtMillis);
    return new IncomingEvent(
        eventId == null ? Ids.eventId(receivedAtMillis) : eventId,
        name,
        timestamp,
        identities,
        properties);
  }

  private static String name(JsonNode event, int index) {
    JsonNode name = present(event, "name");
    if (name == null || (name.isTextual() && name.textValue().isEmpty())) {
      throw invalid(
          "missing_required_param", "events[" + index + "].name is required.", "name", index);
    }
    if (!name.isTextual()) {
      throw invalidValue("must be a string", "name", index);
    }
    return name.textValue();
  }

  /** The event's hints in {@link IdentityGraph#PRECEDENCE} order, each validated. */
  private static List<IdentityHint> identities(JsonNode event, int index) {
    List<IdentityHint> hints = new ArrayList<>(IdentityGraph.PRECEDENCE.size());
    for (IdentityHint.Type type : IdentityGraph.PRECEDENCE) {
      JsonNode value = present(event, type.fieldName());
      if (value == null) {
        continue;
      }
      if (!value.isTextual() || !TextLength.isWithin(value.textValue(), MAX_IDENTITY_LENGTH)) {
        throw invalidValue(
            "must be a string of 1-" + MAX_IDENTITY_LENGTH + " characters",
            type.fieldName(),
            index);
      }
      hints.add(new IdentityHint(type, value.textValue()));
    }
    if (hints.isEmpty()) {
      throw invalid(
          "missing_identity_hint",
          "events[" + index + "] needs one of developerUserId, anonymousId or crossdeckCustomerId.",
          IdentityHint.Type.DEVELOPER_USER_ID.fieldName(),
          index);
    }
    return List.copyOf(hints);
  }

  private static byte[] properties(JsonNode event, int index) {
    JsonNode properties = present(event, "properties");
    if (properties == null) {
      return EMPTY_OBJECT;
    }
    if (!properties.isObject()) {
      throw invalidValue("must be an object", "properties", index);
    }
    byte[] json = Json.bytes(properties);
    int size = json.length;
    if (size > MAX_PROPERTIES_BYTES) {
      throw invalid(
          "properties_too_large",
          "events["
              + index
              + "].properties is "
              + size
              + " bytes of JSON; the limit is "
              + MAX_PROPERTIES_BYTES
              + ".",
          "properties",
          index);
    }
    return json;
  }

  private static String eventId(JsonNode event, int index) {
    JsonNode eventId = present(event, "eventId");
    if (eventId == null) {
      return null;
    }
    if (!eventId.isTextual() || !TextLength.isWithin(eventId.textValue(), MAX_EVENT_ID_LENGTH)) {
      throw invalidValue(
          "must be a string of 1-" + MAX_EVENT_ID_LENGTH + " characters", "eventId", index);
    }
    return eventId.textValue();
  }

  private static long timestamp(JsonNode event, int index, long receivedAtMillis) {
    JsonNode timestamp = present(event, "timestamp");
    if (timestamp == null) {
      return receivedAtMillis;
    }
    if (!timestamp.isIntegralNumber()
        || !timestamp.canConvertToLong()
        || timestamp.longValue() < 0
        || timestamp.longValue() > MAX_TIMESTAMP) {
      throw invalidValue(
          "must be a whole number of epoch milliseconds from 0 to " + MAX_TIMESTAMP,
          "timestamp",
          index);
    }
    return timestamp.longValue();
  }

  private static JsonNode present(JsonNode event, String field) {
    JsonNode value = event.get(field);
    return value == null || value.isNull() ? null : value;
  }

  private static ApiException invalidValue(String rule, String param, int index) {
    return invalid(
        "invalid_param_value", "events[" + index + "]." + param + " " + rule + ".", param, index);
  }

  private static ApiException invalid(String code, String message, String param, int index) {
    return new ApiException(ApiError.invalidRequest(code, message, param, index));
  }
}
