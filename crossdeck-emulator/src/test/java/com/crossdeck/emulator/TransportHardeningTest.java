package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the transport does with clients that are slow, stalled or malformed: they never starve other
 * clients and never get an answer that leaks implementation details.
 */
class TransportHardeningTest {

  /** More than the 32 worker threads that answer requests. */
  private static final int STALLED_CLIENTS = 48;

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(
          CrossdeckEmulator.builder().requestReadTimeout(Duration.ofMillis(300)));

  private final ApiClient client = new ApiClient(emulator.timelineUrl());
  private final List<RawSocket> sockets = new ArrayList<>();

  @AfterEach
  void closeSockets() {
    sockets.forEach(RawSocket::close);
  }

  private RawSocket connect() {
    RawSocket socket = new RawSocket(emulator.port());
    sockets.add(socket);
    return socket;
  }

  @Test
  void servesOtherClientsWhileMoreClientsStallMidBodyThanThereAreWorkerThreads() {
    for (int i = 0; i < STALLED_CLIENTS; i++) {
      connect()
          .send(
              "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + ApiClient.KEY
                  + "\r\nContent-Length: 100\r\n\r\n{\"events\":");
    }

    Reply reply = client.postEvents(batch(userEvent("signup", "user_1")));

    assertThat(reply.status()).isEqualTo(202);
  }

  @Test
  void servesOtherClientsWhileMoreClientsStallMidHeadersThanThereAreWorkerThreads() {
    for (int i = 0; i < STALLED_CLIENTS; i++) {
      connect().send("GET /v1/sdk/heartbeat HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    }

    Reply reply = client.get("/v1/sdk/heartbeat", "Authorization", "Bearer " + ApiClient.KEY);

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void answersAClientThatStallsPastTheReadDeadlineWith408AndClosesTheConnection() {
    String received =
        connect().send("POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n").readUntilClosed();

    assertThat(received)
        .startsWith("HTTP/1.1 408 ")
        .contains("Connection: close")
        .contains("\"code\":\"request_timeout\"")
        .doesNotContain("<still open");
  }

  @Test
  void answersAMalformedContentLengthWithAGenericMessage() {
    String received =
        connect()
            .send("POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 12x\r\n\r\n")
            .readUntilClosed();

    assertThat(received)
        .startsWith("HTTP/1.1 400 ")
        .contains("\"type\":\"invalid_request_error\"", "\"code\":\"malformed_request\"")
        .doesNotContain("Exception", "java.");
  }

  @Test
  void answersAnUnusualRequestTargetWithTheErrorEnvelopeNotAJavaExceptionName() {
    String received =
        connect()
            .send("GET /v1/{weird} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            .readUntilClosed();

    assertThat(received)
        .startsWith("HTTP/1.1 404 ")
        .contains("\"code\":\"route_not_found\"")
        .doesNotContain("Exception", "java.");
  }

  @Test
  void refusesHeadersLargerThan64KibibytesWith431() {
    String received =
        connect()
            .send(
                "GET /v1/sdk/heartbeat HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                    + "x".repeat(70_000)
                    + "\r\n\r\n")
            .readUntilClosed();

    assertThat(received)
        .startsWith("HTTP/1.1 431 ")
        .contains("\"code\":\"request_header_fields_too_large\"");
  }

  @Test
  void refusesATransferEncodingItCannotDecodeWith501() {
    String received =
        connect()
            .send("POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip\r\n\r\n")
            .readUntilClosed();

    assertThat(received).startsWith("HTTP/1.1 501 ").contains("\"code\":\"not_implemented\"");
  }

  @Test
  void answersPipelinedRequestsInOrder() {
    String heartbeat =
        "GET /v1/sdk/heartbeat HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + ApiClient.KEY
            + "\r\n\r\n";
    String received =
        connect()
            .send(heartbeat + heartbeat + "GET /nowhere HTTP/1.1\r\nConnection: close\r\n\r\n")
            .readUntilClosed();

    assertThat(received.split("HTTP/1.1 ", -1))
        .extracting(part -> part.isEmpty() ? "" : part.substring(0, 3))
        .containsExactly("", "200", "200", "404");
  }
}
