package com.crossdeck.benchmarks.sink;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The raw HTTP sink every SDK delivers to: a blocking thread-per-connection HTTP/1.1 server on
 * 127.0.0.1 with keep-alive and {@code TCP_NODELAY} (without it OkHttp's small writes meet Nagle
 * and delayed ACKs, about 40 ms per request). It answers each ingest request at once with what its
 * SDK expects, counts the events by {@code order_number}, and applies the faults of the current
 * {@link SinkPlan}. {@code GET /_bench/start} marks the start of a run. Other requests the SDKs
 * make (the Crossdeck heartbeat) get a plain 200.
 */
public final class RawSink implements AutoCloseable {

  /** The control path a child calls right before it starts tracking. */
  public static final String START_PATH = "/_bench/start";

  private static final byte[] EMPTY_JSON = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] UNAVAILABLE =
      "{\"error\":{\"type\":\"api_error\",\"code\":\"unavailable\",\"message\":\"outage\"}}"
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] LIMITED =
      "{\"error\":{\"type\":\"rate_limit_error\",\"code\":\"rate_limited\",\"message\":\"slow down\"}}"
          .getBytes(StandardCharsets.UTF_8);

  private final ServerSocket server;
  private final Thread acceptor;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final Set<String> unknownPaths = ConcurrentHashMap.newKeySet();
  private volatile Ledger ledger;
  private volatile boolean closed;

  private RawSink(ServerSocket server) {
    this.server = server;
    this.ledger = new Ledger(SinkPlan.healthy(0), System.nanoTime());
    this.acceptor = new Thread(this::acceptLoop, "sink-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Binds a free port on 127.0.0.1 and starts serving. */
  public static RawSink start() {
    try {
      return new RawSink(new ServerSocket(0, 128, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String root() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** The port it listens on. */
  public int port() {
    return server.getLocalPort();
  }

  /** Starts a new run with this plan; counters start from zero. */
  public void arm(SinkPlan plan) {
    ledger = new Ledger(plan, System.nanoTime());
  }

  /** Marks the start of the current run, as a child's {@code GET /_bench/start} does. */
  public void markStart() {
    ledger.start(System.nanoTime());
  }

  /** The current run's counters. */
  public SinkStats stats() {
    return ledger.stats();
  }

  /** Waits until {@code count} distinct events arrived; returns whether they did in time. */
  public boolean awaitUnique(long count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ledger.unique() < count) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** Waits until no new event arrived for {@code quiet}, or {@code max} passed. */
  public void awaitQuiet(Duration quiet, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    long last = ledger.unique();
    long lastChange = System.nanoTime();
    while (System.nanoTime() < deadline && System.nanoTime() - lastChange < quiet.toNanos()) {
      Thread.sleep(10);
      long now = ledger.unique();
      if (now != last) {
        last = now;
        lastChange = System.nanoTime();
      }
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        connections.add(socket);
        Thread worker = new Thread(() -> serve(socket), "sink-connection");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        if (!closed) {
          System.err.println("sink: accept failed: " + e);
        }
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      HttpRequestReader reader =
          new HttpRequestReader(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
      for (HttpRequest request = reader.next(); request != null; request = reader.next()) {
        if (!answer(request, out) || request.wantsClose()) {
          return;
        }
      }
    } catch (SocketException e) {
      // The client went away (a killed child, a pool evicting idle connections): nothing to do.
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        System.err.println("sink: connection failed: " + e);
      }
    } finally {
      connections.remove(socket);
    }
  }

  /** Answers one request; false when the connection must be dropped instead. */
  private boolean answer(HttpRequest request, OutputStream out) throws IOException {
    if (START_PATH.equals(request.path())) {
      markStart();
      write(out, 200, EMPTY_JSON, 0);
      return true;
    }
    WireFormat format = WireFormat.of(request.method(), request.path());
    if (format == null) {
      if (!"GET".equals(request.method()) && unknownPaths.add(request.path())) {
        System.err.println("sink: unexpected " + request.method() + " " + request.path());
      }
      write(out, "GET".equals(request.method()) ? 200 : 404, EMPTY_JSON, 0);
      return true;
    }
    int[] events = format.orderNumbers(request.body());
    Ledger current = ledger;
    switch (current.onIngest(events, request.receivedNanos())) {
      case OK -> write(out, format.okStatus(), format.okBody(), 0);
      case UNAVAILABLE -> write(out, 503, UNAVAILABLE, 0);
      case RATE_LIMITED -> {
        long seconds = current.retryAfterSeconds(events.length);
        write(out, 429, LIMITED, seconds);
        current.answeredRetryAfter(System.nanoTime(), seconds);
      }
      case DROP_CONNECTION -> {
        return false;
      }
    }
    return true;
  }

  private static void write(OutputStream out, int status, byte[] body, long retryAfterSeconds)
      throws IOException {
    StringBuilder head =
        new StringBuilder(128)
            .append("HTTP/1.1 ")
            .append(status)
            .append(status < 300 ? " OK" : " Error")
            .append("\r\nContent-Type: application/json\r\nContent-Length: ")
            .append(body.length);
    if (retryAfterSeconds > 0) {
      head.append("\r\nRetry-After: ").append(retryAfterSeconds);
    }
    head.append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** Stops accepting and closes every open connection. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket socket : connections) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
