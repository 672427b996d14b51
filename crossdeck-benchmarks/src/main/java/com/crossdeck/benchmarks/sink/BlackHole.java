package com.crossdeck.benchmarks.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server that accepts connections and never answers: the hung load balancer or stalled backend an
 * SDK meets in production, worse than a refused connection because every request waits for its
 * timeout. Used to show whether the caller of {@code track()} feels an unreachable server.
 */
public final class BlackHole implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  private BlackHole(ServerSocket server) {
    this.server = server;
    Thread acceptor = new Thread(this::accept, "black-hole");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Binds a free port on 127.0.0.1. */
  public static BlackHole start() {
    try {
      return new BlackHole(new ServerSocket(0, 128, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String root() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        held.add(server.accept());
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : held) {
      socket.close();
    }
  }
}
