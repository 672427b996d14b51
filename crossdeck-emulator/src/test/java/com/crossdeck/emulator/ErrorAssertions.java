package com.crossdeck.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks an error reply against the contract's error envelope (§a.8). */
final class ErrorAssertions {

  private ErrorAssertions() {}

  /** A 400 {@code invalid_request_error} with this code, naming the field and the event. */
  static void assertInvalidRequest(Reply reply, String code, String param, Integer index) {
    assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(400);
    JsonNode error = reply.error();
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("param").isNull() ? null : error.path("param").asText()).isEqualTo(param);
    assertThat(error.path("index").isNull() ? null : error.path("index").intValue())
        .isEqualTo(index);
    assertThat(error.path("message").asText()).isNotBlank();
    assertThat(error.path("request_id").asText()).isEqualTo(reply.header("x-request-id"));
  }
}
