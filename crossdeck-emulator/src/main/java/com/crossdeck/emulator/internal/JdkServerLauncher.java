package com.crossdeck.emulator.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Creates and starts the JDK's HTTP server so that it behaves as an embedded test server must:
 *
 * <ul>
 *   <li>TCP_NODELAY on every connection, or keep-alive clients stall ~40 ms per request;
 *   <li>the JDK's own threads (dispatcher, idle timer) are daemons named {@code
 *       crossdeck-emulator-…} like the emulator's, so they never keep a JVM alive and are easy to
 *       tell apart in a thread dump.
 * </ul>
 */
final class JdkServerLauncher {

  /**
   * Read once, when the JDK's {@code sun.net.httpserver.ServerConfig} loads (the first HttpServer
   * in the JVM). Without TCP_NODELAY the server's separate header and body writes meet Nagle's
   * algorithm and the client's delayed ACK: ~40 ms per keep-alive request (OkHttp #4784, #7173).
   */
  private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private static final String PREFIX = "crossdeck-emulator-";
  private static final int ACCEPT_BACKLOG = 128;

  private JdkServerLauncher() {}

  static HttpServer launch(InetSocketAddress address, HttpHandler handler, Executor executor) {
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
    }
    // Threads inherit their group and daemon status from the thread that creates them, so the
    // server is created and started on a daemon thread of a group of its own.
    ThreadGroup group = new ThreadGroup(PREFIX + "server");
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread starter =
        new Thread(
            group, () -> outcome.set(createAndStart(address, handler, executor)), PREFIX + "start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the emulator", e);
    }
    if (outcome.get() instanceof IOException failure) {
      throw new UncheckedIOException("Cannot bind the Crossdeck emulator to " + address, failure);
    }
    renameJdkThreads(group);
    return (HttpServer) outcome.get();
  }

  private static Object createAndStart(
      InetSocketAddress address, HttpHandler handler, Executor executor) {
    try {
      HttpServer server = HttpServer.create(address, ACCEPT_BACKLOG);
      server.createContext("/", handler);
      server.setExecutor(executor);
      server.start();
      return server;
    } catch (IOException e) {
      return e;
    }
  }

  private static void renameJdkThreads(ThreadGroup group) {
    Thread[] threads = new Thread[group.activeCount() + 4];
    int count = group.enumerate(threads);
    for (int i = 0; i < count; i++) {
      if (!threads[i].getName().startsWith(PREFIX)) {
        threads[i].setName(PREFIX + "jdk-" + threads[i].getName());
      }
    }
  }
}
