package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestSizeTest {

  private static final int ONE_MEGABYTE = 1024 * 1024;

  @RegisterExtension static CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  /** A valid batch padded with an unknown envelope field to exactly {@code size} bytes. */
  private static String validBatchOfSize(int size) {
    ObjectNode envelope = Batches.envelope(userEvent("signup", "user_1")).put("padding", "");
    int unpadded = Batches.json(envelope).length();
    String body = Batches.json(envelope.put("padding", "x".repeat(size - unpadded)));
    assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(size);
    return body;
  }

  private static void assertTooLarge(Reply reply) {
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.error().path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(reply.error().path("code").asText()).isEqualTo("request_too_large");
    assertThat(reply.error().path("request_id").asText()).isEqualTo(reply.header("x-request-id"));
  }

  @Test
  void acceptsBodyOfExactlyOneMegabyte() {
    assertThat(client.postEvents(validBatchOfSize(ONE_MEGABYTE)).status()).isEqualTo(202);
  }

  @Test
  void rejectsBodyOfOneMegabytePlusOneByteWith413() {
    assertTooLarge(client.postEvents(validBatchOfSize(ONE_MEGABYTE + 1)));
  }

  @Test
  void rejectsOversizedChunkedBodyWithoutContentLength() {
    byte[] body = validBatchOfSize(ONE_MEGABYTE + 1).getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder chunked =
        client
            .request("/v1/events", "Authorization", "Bearer " + ApiClient.KEY)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertTooLarge(client.send(chunked));
  }

  @Test
  void checksSizeBeforeParsingTheBody() {
    assertTooLarge(client.postEvents("{".repeat(2 * ONE_MEGABYTE)));
  }

  @Test
  void storesNothingFromAnOversizedBatch() {
    client.postEvents(validBatchOfSize(ONE_MEGABYTE + 1));

    assertThat(emulator.events()).isEmpty();
  }
}
