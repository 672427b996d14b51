package com.crossdeck.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.internal.encoding.JsonBody;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkHttpTransportTest {

  private final MockWebServer server = new MockWebServer();
  private final JdkHttpTransport transport = JdkHttpTransport.create(Duration.ofSeconds(5));

  @BeforeEach
  void start() throws IOException {
    server.start(0);
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  private static TransportRequest.Body json(String text) {
    return new JsonBody(text.getBytes(StandardCharsets.UTF_8));
  }

  private TransportRequest post(String body, Duration timeout) {
    return new TransportRequest(
        "POST",
        server.url("/v1/events").toString(),
        Map.of("Idempotency-Key", "batch_1", "Content-Type", "application/json"),
        json(body),
        timeout);
  }

  @Test
  void sendsThePlainHttpRequestAsHttp11WithItsHeadersAndBody() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(202).setHeader("X-Request-Id", "req_1").body("{}").build());

    TransportResponse response = transport.execute(post("{\"events\":[]}", Duration.ofSeconds(5)));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHandshake()).isNull();
    assertThat(request.getRequestLine()).endsWith("HTTP/1.1");
    assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("batch_1");
    assertThat(request.getBody().utf8()).isEqualTo("{\"events\":[]}");
    assertThat(response.status()).isEqualTo(202);
    assertThat(response.header("X-Request-Id")).isEqualTo("req_1");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
  }

  @Test
  void returnsAnErrorStatusInsteadOfThrowing() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());

    assertThat(transport.execute(post("{}", Duration.ofSeconds(5))).status()).isEqualTo(503);
  }

  @Test
  void reportsATimeoutAsAnInterruptedIoException() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    Throwable failure =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> transport.execute(post("{}", Duration.ofMillis(200))));

    assertThat(failure).isInstanceOf(InterruptedIOException.class);
  }

  @Test
  void runsItsWorkOnDaemonThreadsNamedCrossdeckHttp() throws Exception {
    server.enqueue(new MockResponse.Builder().code(202).build());
    transport.execute(post("{}", Duration.ofSeconds(5)));

    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(thread -> thread.getName().startsWith("crossdeck-http-"))
        .isNotEmpty()
        .allMatch(Thread::isDaemon);
  }

  @Test
  void leavesAnApplicationsOwnClientOpenOnClose() throws Exception {
    java.net.http.HttpClient shared = java.net.http.HttpClient.newHttpClient();
    JdkHttpTransport sharing = JdkHttpTransport.create(shared);
    server.enqueue(new MockResponse.Builder().code(202).build());
    server.enqueue(new MockResponse.Builder().code(202).build());
    sharing.execute(post("{}", Duration.ofSeconds(5)));

    sharing.close();

    assertThat(sharing.execute(post("{}", Duration.ofSeconds(5))).status()).isEqualTo(202);
    assertThat(sharing.client()).isSameAs(shared);
  }
}
