package com.crossdeck.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OkHttpTransportTest {

  @Test
  void opensSocketsWithNagleDisabled() throws IOException {
    OkHttpTransport transport = OkHttpTransport.create(Duration.ofSeconds(1));

    try (Socket socket = transport.client().socketFactory().createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void connectedSocketsHaveNagleDisabled() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      CompletableFuture<Socket> accepted =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return server.accept();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      OkHttpTransport transport = OkHttpTransport.create(Duration.ofSeconds(1));

      try (Socket socket =
              transport.client().socketFactory().createSocket("127.0.0.1", server.getLocalPort());
          Socket peer = accepted.get();
          InputStream ignored = peer.getInputStream()) {
        assertThat(socket.getTcpNoDelay()).isTrue();
      }
    }
  }
}
