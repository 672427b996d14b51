package com.crossdeck.emulator.internal.http;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections on its own thread and hands them to the {@link IoLoop}s in turn, so the
 * reading and writing of many clients spreads over the I/O threads. Beyond the connection limit a
 * new connection is closed at once.
 */
final class Acceptor implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(Acceptor.class);

  private final ServerSocketChannel server;
  private final List<IoLoop> loops;
  private final AtomicInteger openConnections;
  private final int maxConnections;
  private int next;

  Acceptor(
      ServerSocketChannel server,
      List<IoLoop> loops,
      AtomicInteger openConnections,
      int maxConnections) {
    this.server = server;
    this.loops = List.copyOf(loops);
    this.openConnections = openConnections;
    this.maxConnections = maxConnections;
  }

  @Override
  public void run() {
    while (server.isOpen()) {
      try {
        SocketChannel channel = server.accept();
        if (openConnections.incrementAndGet() > maxConnections) {
          openConnections.decrementAndGet();
          log.warn("Refusing a connection: {} are open", maxConnections);
          channel.close();
          continue;
        }
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        loops.get(next).adopt(channel);
        next = (next + 1) % loops.size();
      } catch (ClosedChannelException stopped) {
        return;
      } catch (IOException e) {
        log.debug("Accepting a connection failed", e);
      }
    }
  }
}
