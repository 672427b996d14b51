package com.crossdeck.emulator.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An I/O thread: for the connections the {@link Acceptor} hands it, it reads each request
 * completely (non-blocking, under a deadline), hands it to a worker, and writes the worker's
 * response. A client that stalls therefore costs a buffer and a deadline, never a worker thread.
 */
final class IoLoop implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(IoLoop.class);

  private static final int READ_BUFFER_BYTES = 64 * 1024;
  private static final long DRAIN_BYTES = 1024 * 1024;
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long MAX_SELECT_MILLIS = 1000;

  private final Selector selector;
  private final ExecutorService workers;
  private final Responder responder;
  private final HttpLimits limits;
  private final BodyBudget budget;
  private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
  private final Queue<Runnable> completions = new ConcurrentLinkedQueue<>();
  private final Queue<SocketChannel> arrivals = new ConcurrentLinkedQueue<>();
  private final Set<Connection> connections = new HashSet<>();
  private final AtomicInteger openConnections;
  private volatile boolean running = true;

  IoLoop(
      Selector selector,
      ExecutorService workers,
      Handler handler,
      HttpLimits limits,
      BodyBudget budget,
      AtomicInteger openConnections) {
    this.selector = selector;
    this.workers = workers;
    this.responder = new Responder(handler);
    this.limits = limits;
    this.budget = budget;
    this.openConnections = openConnections;
  }

  /** Takes over a newly accepted connection; called by the acceptor's thread. */
  void adopt(SocketChannel channel) {
    arrivals.add(channel);
    selector.wakeup();
  }

  @Override
  public void run() {
    try {
      while (running) {
        selector.select(this::onReady, selectTimeoutMillis());
        for (SocketChannel channel = arrivals.poll(); channel != null; channel = arrivals.poll()) {
          register(channel);
        }
        for (Runnable completion = completions.poll();
            completion != null;
            completion = completions.poll()) {
          completion.run();
        }
        expireDeadlines();
      }
    } catch (IOException | ClosedSelectorException e) {
      if (running) {
        log.error("The emulator's HTTP loop stopped", e);
      }
    } finally {
      new ArrayList<>(connections).forEach(this::close);
      arrivals.forEach(IoLoop::closeQuietly);
      closeQuietly(selector);
    }
  }

  /** Stops the loop; it closes every connection on its way out. */
  void stop() {
    running = false;
    selector.wakeup();
  }

  private void onReady(SelectionKey key) {
    Connection connection = (Connection) key.attachment();
    try {
      if (key.isValid() && key.isReadable()) {
        read(connection);
      }
      if (key.isValid() && key.isWritable()) {
        write(connection);
      }
    } catch (IOException e) {
      log.debug("Connection failed", e);
      close(connection);
    }
  }

  private void register(SocketChannel channel) {
    try {
      channel.configureBlocking(false);
      SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
      Connection connection = new Connection(channel, key, new RequestParser(limits, budget));
      key.attach(connection);
      connection.deadlineNanos = System.nanoTime() + limits.idleTimeout().toNanos();
      connections.add(connection);
    } catch (IOException e) {
      log.debug("Taking over a connection failed", e);
      openConnections.decrementAndGet();
      closeQuietly(channel);
    }
  }

  private void read(Connection connection) throws IOException {
    readBuffer.clear();
    int read = connection.channel.read(readBuffer);
    if (read < 0) {
      close(connection);
      return;
    }
    readBuffer.flip();
    if (connection.state == Connection.State.DRAINING) {
      connection.drainedBytes += read;
      if (connection.drainedBytes > DRAIN_BYTES) {
        close(connection);
      }
      return;
    }
    consume(connection, readBuffer);
  }

  private void consume(Connection connection, ByteBuffer bytes) throws IOException {
    boolean wasStarted = connection.parser.started();
    RequestParser.Progress progress = connection.parser.feed(bytes);
    if (!wasStarted && connection.parser.started()) {
      connection.deadlineNanos = System.nanoTime() + limits.requestTimeout().toNanos();
    }
    switch (progress) {
      case NEED_MORE -> {
        if (connection.parser.takeContinue()) {
          connection.interim = ResponseEncoder.CONTINUE.duplicate();
          write(connection);
        }
      }
      case COMPLETE -> {
        if (bytes.hasRemaining()) {
          connection.pipelined = ByteBuffer.allocate(bytes.remaining()).put(bytes).flip();
        }
        dispatch(connection);
      }
      case REJECTED -> {
        Rejection rejection = connection.parser.rejection();
        startWriting(
            connection,
            responder.reject(rejection.status(), rejection.code(), rejection.message()),
            true);
      }
    }
  }

  private void dispatch(Connection connection) {
    connection.state = Connection.State.PROCESSING;
    connection.deadlineNanos = Long.MAX_VALUE;
    connection.key.interestOps(0);
    HttpRequest request = connection.parser.request();
    boolean head = connection.parser.isHead();
    boolean close = connection.parser.closeAfterResponse();
    boolean channelIdle = connection.interim == null;
    try {
      workers.execute(() -> answer(connection, request, head, close, channelIdle));
    } catch (RejectedExecutionException stopping) {
      close(connection);
    }
  }

  /**
   * Runs on a worker: computes the response, then hands it back to the I/O thread. While a
   * connection is being answered the I/O thread neither reads nor writes it, so when nothing else
   * is pending on it ({@code channelIdle}) the worker first tries to write the response itself,
   * without blocking: that spares a keep-alive client a thread hand-off per request. Whatever the
   * socket does not take at once is written by the I/O thread.
   */
  private void answer(
      Connection connection,
      HttpRequest request,
      boolean head,
      boolean close,
      boolean channelIdle) {
    ByteBuffer bytes = null;
    try {
      bytes = responder.respond(request, head, close);
      if (bytes != null && channelIdle) {
        writeEagerly(connection, bytes);
      }
    } finally {
      ByteBuffer encoded = bytes;
      completions.add(() -> startWriting(connection, encoded, close));
      selector.wakeup();
    }
  }

  private static void writeEagerly(Connection connection, ByteBuffer bytes) {
    try {
      connection.channel.write(bytes);
    } catch (IOException e) {
      log.debug("Writing a response failed; the I/O thread will close the connection", e);
    }
  }

  private void startWriting(Connection connection, ByteBuffer bytes, boolean close) {
    if (!connection.channel.isOpen()) {
      return;
    }
    if (bytes == null) {
      close(connection); // a dropped connection: not one byte of a response
      return;
    }
    connection.state = Connection.State.WRITING;
    connection.output = bytes;
    connection.closeAfterWrite = close;
    connection.deadlineNanos = System.nanoTime() + limits.writeTimeout().toNanos();
    try {
      write(connection);
    } catch (IOException e) {
      log.debug("Writing a response failed", e);
      close(connection);
    }
  }

  private void write(Connection connection) throws IOException {
    if (connection.interim != null) {
      connection.channel.write(connection.interim);
      if (connection.interim.hasRemaining()) {
        connection.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        return;
      }
      connection.interim = null;
      if (connection.state == Connection.State.READING) {
        connection.key.interestOps(SelectionKey.OP_READ);
      }
    }
    if (connection.state != Connection.State.WRITING) {
      return;
    }
    connection.channel.write(connection.output);
    if (connection.output.hasRemaining()) {
      connection.key.interestOps(SelectionKey.OP_WRITE);
      return;
    }
    connection.output = null;
    if (connection.closeAfterWrite) {
      startDraining(connection);
    } else {
      readNextRequest(connection);
    }
  }

  private void readNextRequest(Connection connection) throws IOException {
    connection.parser.reset();
    connection.state = Connection.State.READING;
    connection.deadlineNanos = System.nanoTime() + limits.idleTimeout().toNanos();
    connection.key.interestOps(SelectionKey.OP_READ);
    ByteBuffer pipelined = connection.pipelined;
    connection.pipelined = null;
    if (pipelined != null) {
      consume(connection, pipelined);
    }
  }

  /**
   * Closing a socket with unread input makes the kernel send a reset, which can destroy the
   * response the client has not read yet; so the output is shut first and late input is discarded
   * for a moment.
   */
  private void startDraining(Connection connection) throws IOException {
    connection.channel.shutdownOutput();
    connection.state = Connection.State.DRAINING;
    connection.deadlineNanos = System.nanoTime() + DRAIN_NANOS;
    connection.key.interestOps(SelectionKey.OP_READ);
  }

  private void expireDeadlines() {
    long now = System.nanoTime();
    for (Connection connection : new ArrayList<>(connections)) {
      if (now - connection.deadlineNanos < 0) {
        continue;
      }
      if (connection.state == Connection.State.READING && connection.parser.started()) {
        ByteBuffer timeout =
            responder.reject(
                408,
                "request_timeout",
                "The request did not arrive completely within "
                    + limits.requestTimeout().toMillis()
                    + " ms.");
        startWriting(connection, timeout, true);
      } else {
        close(connection);
      }
    }
  }

  private long selectTimeoutMillis() {
    long now = System.nanoTime();
    long earliest = now + TimeUnit.MILLISECONDS.toNanos(MAX_SELECT_MILLIS);
    for (Connection connection : connections) {
      if (connection.deadlineNanos - earliest < 0) {
        earliest = connection.deadlineNanos;
      }
    }
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(earliest - now) + 1);
  }

  private void close(Connection connection) {
    if (connections.remove(connection)) {
      openConnections.decrementAndGet();
    }
    connection.key.cancel();
    connection.parser.reset();
    closeQuietly(connection.channel);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.debug("Closing failed", e);
    }
  }
}
