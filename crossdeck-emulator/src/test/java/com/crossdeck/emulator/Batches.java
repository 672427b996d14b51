package com.crossdeck.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds request bodies for {@code POST /v1/events} the way the contract describes them (§a.4). */
final class Batches {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Batches() {}

  /** An event for a signed-in user. */
  static ObjectNode userEvent(String name, String developerUserId) {
    return event(name).put("developerUserId", developerUserId);
  }

  /** An event for an anonymous visitor. */
  static ObjectNode anonymousEvent(String name, String anonymousId) {
    return event(name).put("anonymousId", anonymousId);
  }

  /** An event with a name and nothing else. */
  static ObjectNode event(String name) {
    return MAPPER.createObjectNode().put("name", name);
  }

  /** A sandbox batch envelope around {@code events}. */
  static String batch(ObjectNode... events) {
    return json(envelope(events).put("environment", "sandbox"));
  }

  /** A batch envelope without a declared environment. */
  static ObjectNode envelope(ObjectNode... events) {
    ObjectNode envelope = MAPPER.createObjectNode().put("envelopeVersion", 1);
    envelope.putArray("events").addAll(List.of(events));
    return envelope;
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
