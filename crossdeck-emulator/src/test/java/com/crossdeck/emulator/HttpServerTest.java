package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transport: keep-alive, TCP_NODELAY, concurrent connections. */
class HttpServerTest {

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().disableRateLimit());

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  @Test
  void answersManyRequestsOnOneKeptAliveConnection() throws IOException {
    String body = batch(userEvent("signup", "user_1"));
    String request =
        "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + ApiClient.KEY
            + "\r\nContent-Length: "
            + body.length()
            + "\r\n\r\n"
            + body;

    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      for (int i = 0; i < 20; i++) {
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(in.readLine()).isEqualTo("HTTP/1.1 202 Accepted");
        skipHeadersAndBody(in);
      }
    }
    assertThat(emulator.awaitEvents(20, Duration.ofSeconds(5))).hasSize(20);
  }

  @Test
  void answersSequentialKeepAliveRequestsWithoutTheDelayedAckStall() {
    String body = batch(userEvent("signup", "user_1"));
    IntStream.range(0, 20).forEach(i -> client.postEvents(body));

    long[] millis =
        IntStream.range(0, 30)
            .mapToLong(
                i -> {
                  long started = System.nanoTime();
                  client.postEvents(body);
                  return (System.nanoTime() - started) / 1_000_000;
                })
            .sorted()
            .toArray();

    // Without TCP_NODELAY every response waits ~40 ms for the client's delayed ACK.
    assertThat(millis[millis.length / 2])
        .as("median ms of %s", Arrays.toString(millis))
        .isLessThan(20);
  }

  @Test
  void servesConcurrentConnectionsInParallel() {
    emulator.faults().latency(Duration.ofMillis(500));
    String body = batch(userEvent("signup", "user_1"));

    long started = System.nanoTime();
    List<CompletableFuture<Reply>> replies =
        IntStream.range(0, 8)
            .mapToObj(
                i -> CompletableFuture.supplyAsync(() -> client.postEvents(body), runOwnThread()))
            .toList();
    replies.forEach(reply -> assertThat(reply.join().status()).isEqualTo(202));

    // One at a time, eight half-second responses would take at least four seconds.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  private static Executor runOwnThread() {
    return task -> new Thread(task).start();
  }

  private static void skipHeadersAndBody(BufferedReader in) throws IOException {
    int contentLength = 0;
    for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
      if (line.toLowerCase().startsWith("content-length:")) {
        contentLength = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    char[] body = new char[contentLength];
    int read = 0;
    while (read < contentLength) {
      read += in.read(body, read, contentLength - read);
    }
  }
}
