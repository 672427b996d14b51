package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultInjectionTest {

  @RegisterExtension static CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApiClient client = new ApiClient(emulator.timelineUrl());
  private final String batch = batch(userEvent("signup", "user_1"));

  private Reply heartbeat() {
    return client.get("/v1/sdk/heartbeat", "Authorization", "Bearer " + ApiClient.KEY);
  }

  @Test
  void failsTheNextRequestsWithTheGivenStatusThenRecovers() {
    emulator.faults().failNext(2, 503);

    assertThat(IntStream.range(0, 3).map(i -> client.postEvents(batch).status()))
        .containsExactly(503, 503, 202);
  }

  @Test
  void answersInjectedFailuresWithTheErrorTypeOfTheirStatus() {
    emulator.faults().failNext(1, 503);

    Reply reply = client.postEvents(batch);

    assertThat(reply.error().path("type").asText()).isEqualTo("internal_error");
    assertThat(reply.error().path("code").asText()).isEqualTo("internal_error");
    assertThat(reply.error().path("request_id").asText()).isEqualTo(reply.header("x-request-id"));
    assertThat(reply.header("Retry-After")).isNull();
  }

  @Test
  void addsRetryAfterInWholeSecondsToInjectedFailures() {
    emulator.faults().failNext(1, 429, Duration.ofSeconds(2));

    Reply reply = client.postEvents(batch);

    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.error().path("type").asText()).isEqualTo("rate_limit_error");
    assertThat(reply.error().path("code").asText()).isEqualTo("rate_limited");
    assertThat(reply.header("Retry-After")).isEqualTo("2");
  }

  @Test
  void writesSubSecondRetryAfterAsDecimalSeconds() {
    emulator.faults().failNext(1, 503, Duration.ofMillis(250));

    assertThat(client.postEvents(batch).header("Retry-After")).isEqualTo("0.25");
  }

  @Test
  void storesNothingFromAnInjectedFailure() {
    emulator.faults().failNext(1, 500);
    client.postEvents(batch(userEvent("lost", "user_1")));
    client.postEvents(batch(userEvent("kept", "user_1")));

    assertThat(emulator.awaitEvents(1, Duration.ofSeconds(5)))
        .extracting(StoredEvent::name)
        .containsExactly("kept");
  }

  @Test
  void leavesHeartbeatsAndAliasesAlone() {
    emulator.faults().failNext(1, 503);

    assertThat(heartbeat().status()).isEqualTo(200);
    assertThat(client.alias("{\"userId\":\"user_1\",\"anonymousId\":\"anon_1\"}").status())
        .isEqualTo(200);
    assertThat(client.postEvents(batch).status()).isEqualTo(503);
  }

  @Test
  void recordsInjectedFailures() {
    emulator.faults().failNext(1, 502);
    client.postEvents(batch);

    assertThat(emulator.requests()).extracting(RecordedRequest::status).containsExactly(502);
  }

  @Test
  void delaysApiResponsesByTheInjectedLatency() {
    emulator.faults().latency(Duration.ofMillis(300));

    long started = System.nanoTime();
    Reply reply = heartbeat();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void neverDelaysTheReadSide() {
    emulator.faults().latency(Duration.ofSeconds(10));

    long started = System.nanoTime();
    client.get("/v1/customers/user_1");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void dropsTheConnectionInsteadOfAnswering() {
    emulator.faults().dropConnectionAfterProcessing(1);

    assertThatThrownBy(() -> client.postEvents(batch))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void storesTheBatchWhoseResponseWasDropped() {
    emulator.faults().dropConnectionAfterProcessing(1);
    postIgnoringTransportFailure(batch);

    assertThat(emulator.awaitEvents(1, Duration.ofSeconds(5)))
        .extracting(StoredEvent::name)
        .containsExactly("signup");
    assertThat(emulator.requests().get(0).connectionDropped()).isTrue();
    assertThat(emulator.requests().get(0).status()).isEqualTo(202);
  }

  @Test
  void replaysTheLostResponseWhenTheClientRetriesWithItsKey() {
    emulator.faults().dropConnectionAfterProcessing(1);
    postIgnoringTransportFailure(batch, "Idempotency-Key", "batch_lost");

    Reply retry = client.postEvents(batch, "Idempotency-Key", "batch_lost");

    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    client.postEvents(batch(userEvent("marker", "user_2")));
    assertThat(emulator.awaitEvents(2, Duration.ofSeconds(5)))
        .extracting(StoredEvent::name)
        .containsExactly("signup", "marker");
  }

  @Test
  void dropsOnlyAsManyConnectionsAsArmed() {
    emulator.faults().dropConnectionAfterProcessing(1);
    postIgnoringTransportFailure(batch);

    assertThat(client.postEvents(batch).status()).isEqualTo(202);
  }

  @Test
  void closesTheSocketWithoutAnyResponseBytes() throws IOException {
    emulator.faults().dropConnectionAfterProcessing(1);
    byte[] request =
        ("POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + ApiClient.KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + batch.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n"
                + batch)
            .getBytes(StandardCharsets.UTF_8);

    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();

      assertThat(readUntilClosed(in)).isEmpty();
    }
  }

  @Test
  void clearDisarmsEveryFault() {
    emulator.faults().failNext(5, 503);
    emulator.faults().dropConnectionAfterProcessing(5);
    emulator.faults().latency(Duration.ofSeconds(10));

    emulator.faults().clear();

    long started = System.nanoTime();
    assertThat(client.postEvents(batch).status()).isEqualTo(202);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void rejectsAStatusThatIsNotAnError() {
    assertThatThrownBy(() -> emulator.faults().failNext(1, 200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("400-599");
  }

  private void postIgnoringTransportFailure(String body, String... headers) {
    try {
      HttpResponse<String> unexpected =
          client
              .http()
              .send(
                  client
                      .request("/v1/events", headers)
                      .header("Authorization", "Bearer " + ApiClient.KEY)
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      throw new AssertionError(
          "Expected a dropped connection, got HTTP " + unexpected.statusCode());
    } catch (IOException expected) {
      // The lost response this fault simulates.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Everything the server sent before it closed or reset the connection. */
  private static byte[] readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    try {
      int next;
      while ((next = in.read()) != -1) {
        received.write(next);
      }
    } catch (SocketException reset) {
      // A reset instead of a FIN is just another way of closing without answering.
    }
    return received.toByteArray();
  }
}
