package com.crossdeck.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

/** A response as a test sees it: status, headers, body, and the body's JSON. */
record Reply(int status, HttpHeaders headers, String body) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  Reply(HttpResponse<String> response) {
    this(response.statusCode(), response.headers(), response.body());
  }

  String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  JsonNode json() {
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError("Response body is not JSON: " + body, e);
    }
  }

  /** The {@code error} object of an error body. */
  JsonNode error() {
    return json().path("error");
  }
}
