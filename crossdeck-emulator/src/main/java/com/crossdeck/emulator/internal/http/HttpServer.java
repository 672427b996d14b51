package com.crossdeck.emulator.internal.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server: keep-alive, pipelining, {@code Content-Length} and chunked bodies,
 * {@code Expect: 100-continue}, TCP_NODELAY on every connection, and the {@link HttpLimits} that
 * keep slow or hostile clients from starving the others. One I/O thread reads and writes, workers
 * run the {@link Handler}; every thread is a daemon named after {@code threadPrefix}.
 */
public final class HttpServer implements AutoCloseable {

  private static final int ACCEPT_BACKLOG = 128;

  private final ServerSocketChannel channel;
  private final ThreadPoolExecutor workers;
  private final IoLoop loop;
  private final Thread ioThread;

  private HttpServer(
      ServerSocketChannel channel,
      Selector selector,
      Handler handler,
      HttpLimits limits,
      String threadPrefix) {
    this.channel = channel;
    this.workers =
        new ThreadPoolExecutor(
            limits.workerThreads(),
            limits.workerThreads(),
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemons(threadPrefix + "http-"));
    workers.allowCoreThreadTimeOut(true);
    this.loop = new IoLoop(selector, channel, workers, handler, limits);
    this.ioThread = daemons(threadPrefix + "io-").newThread(loop);
  }

  /**
   * Binds {@code address} and starts serving.
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  public static HttpServer start(
      InetSocketAddress address, Handler handler, HttpLimits limits, String threadPrefix) {
    ServerSocketChannel channel = null;
    Selector selector = null;
    try {
      channel = ServerSocketChannel.open();
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      channel.bind(address, ACCEPT_BACKLOG);
      channel.configureBlocking(false);
      selector = Selector.open();
      channel.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      closeQuietly(channel);
      closeQuietly(selector);
      throw new UncheckedIOException("Cannot bind the Crossdeck emulator to " + address, e);
    }
    HttpServer server = new HttpServer(channel, selector, handler, limits, threadPrefix);
    server.ioThread.start();
    return server;
  }

  /** The bound port. */
  public int port() {
    return channel.socket().getLocalPort();
  }

  /** Closes every connection and releases the port; waits briefly for the I/O thread. */
  @Override
  public void close() {
    loop.stop();
    workers.shutdownNow();
    try {
      ioThread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Already failing to start; the bind error is what the caller needs to see.
    }
  }
}
