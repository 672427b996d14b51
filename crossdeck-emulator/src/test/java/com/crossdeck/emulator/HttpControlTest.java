package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The controls for tests not written in Java: {@code /_emulator/faults} and {@code
 * /_emulator/reset}.
 */
class HttpControlTest {

  @RegisterExtension static CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApiClient client = new ApiClient(emulator.timelineUrl());
  private final String batch = batch(userEvent("signup", "user_1"));

  @Test
  void armsInjectedFailuresWithRetryAfter() {
    Reply armed =
        client.control(
            "/_emulator/faults",
            "{\"failNext\":{\"count\":1,\"status\":503,\"retryAfterMs\":1000}}");

    assertThat(armed.status()).isEqualTo(200);
    assertThat(armed.json().path("failNextRemaining").intValue()).isEqualTo(1);
    Reply failed = client.postEvents(batch);
    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.header("Retry-After")).isEqualTo("1");
  }

  @Test
  void armsLatencyAndDroppedConnections() {
    JsonNode armed =
        client.control("/_emulator/faults", "{\"latencyMs\":5,\"dropConnections\":2}").json();

    assertThat(armed.path("latencyMs").intValue()).isEqualTo(5);
    assertThat(armed.path("dropConnectionsRemaining").intValue()).isEqualTo(2);
  }

  @Test
  void showsTheArmedFaults() {
    emulator.faults().failNext(3, 500);

    JsonNode faults = client.get("/_emulator/faults").json();

    assertThat(faults.path("failNextRemaining").intValue()).isEqualTo(3);
    assertThat(faults.path("failNextStatus").intValue()).isEqualTo(500);
  }

  @Test
  void clearsTheFaultsWithDelete() {
    emulator.faults().failNext(3, 500);

    Reply cleared = client.send(client.request("/_emulator/faults").DELETE());

    assertThat(cleared.json().path("failNextRemaining").intValue()).isZero();
    assertThat(client.postEvents(batch).status()).isEqualTo(202);
  }

  @Test
  void rejectsAFaultWithANonErrorStatus() {
    Reply reply =
        client.control("/_emulator/faults", "{\"failNext\":{\"count\":1,\"status\":200}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error().path("code").asText()).isEqualTo("invalid_param_value");
  }

  @Test
  void resetsAllData() {
    client.postEvents(batch);
    emulator.awaitEvents(1, Duration.ofSeconds(5));

    Reply reset =
        client.send(
            client
                .request("/_emulator/reset", "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(reset.status()).isEqualTo(200);
    assertThat(emulator.events()).isEmpty();
    assertThat(client.get("/v1/customers/user_1").status()).isEqualTo(404);
  }

  @Test
  void doesNotRecordControlOrReadRequests() {
    client.get("/_emulator/faults");
    client.get("/v1/customers/user_1");
    client.get("/");

    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void refusesAResetSentAsPlainTextAsAnyWebPageCouldWithoutAPreflight() {
    client.postEvents(batch);
    emulator.awaitEvents(1, Duration.ofSeconds(5));

    Reply reply = client.post("/_emulator/reset", "{}", "Content-Type", "text/plain");

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.error().path("code").asText()).isEqualTo("unsupported_content_type");
    assertThat(emulator.events()).hasSize(1);
  }

  @Test
  void refusesAControlPostWithoutAContentType() {
    Reply reply = client.post("/_emulator/faults", "{\"latencyMs\":5}");

    assertThat(reply.status()).isEqualTo(415);
    assertThat(client.get("/_emulator/faults").json().path("latencyMs").intValue()).isZero();
  }

  @Test
  void refusesAControlRequestFromAnotherOrigin() {
    Reply reply =
        client.post(
            "/_emulator/reset",
            "{}",
            "Content-Type",
            "application/json",
            "Origin",
            "https://evil.example");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.error().path("type").asText()).isEqualTo("permission_error");
    assertThat(reply.error().path("code").asText()).isEqualTo("cross_origin_forbidden");
    assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void refusesAControlRequestTheBrowserMarksAsCrossSite() {
    Reply reply = client.get("/_emulator/faults", "Sec-Fetch-Site", "cross-site");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.error().path("code").asText()).isEqualTo("cross_origin_forbidden");
  }

  @Test
  void refusesAControlRequestAddressedToAnotherHostAsADnsRebindingPageWould() {
    try (RawSocket socket = new RawSocket(emulator.port())) {
      String received =
          socket
              .send(
                  "POST /_emulator/reset HTTP/1.1\r\nHost: rebind.evil.example:"
                      + emulator.port()
                      + "\r\nContent-Type: application/json\r\nContent-Length: 0\r\n"
                      + "Connection: close\r\n\r\n")
              .readUntilClosed();

      assertThat(received).startsWith("HTTP/1.1 403 ").contains("cross_origin_forbidden");
    }
  }

  @Test
  void acceptsAControlRequestFromTheEmulatorsOwnPages() {
    Reply reply =
        client.control(
            "/_emulator/faults",
            "{\"latencyMs\":1}",
            "Origin",
            "http://127.0.0.1:" + emulator.port(),
            "Sec-Fetch-Site",
            "same-origin");

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void refusesACrossOriginPreflightForAControl() {
    Reply reply =
        client.send(
            client
                .request(
                    "/_emulator/reset",
                    "Origin",
                    "https://evil.example",
                    "Access-Control-Request-Method",
                    "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
  }
}
