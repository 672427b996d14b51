package com.crossdeck.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;

/** A batch request as the server received it, parsed for assertions. */
record RecordedBatch(RecordedRequest request, JsonNode body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static RecordedBatch of(RecordedRequest request) {
    try {
      return new RecordedBatch(request, JSON.readTree(request.getBody().utf8()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String header(String name) {
    return request.getHeaders().get(name);
  }

  String idempotencyKey() {
    return header("Idempotency-Key");
  }

  List<JsonNode> events() {
    List<JsonNode> events = new ArrayList<>();
    body.get("events").forEach(events::add);
    return events;
  }

  List<String> eventNames() {
    return events().stream().map(e -> e.get("name").asText()).toList();
  }

  int size() {
    return body.get("events").size();
  }
}
