package com.crossdeck.emulator.internal.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server: keep-alive, pipelining, {@code Content-Length} and chunked bodies,
 * {@code Expect: 100-continue}, TCP_NODELAY on every connection, and the {@link HttpLimits} that
 * keep slow or hostile clients from starving the others. An acceptor thread hands connections to a
 * few I/O threads ({@link IoLoop}) that read and write without blocking; workers run the {@link
 * Handler}. Every thread is a daemon named after {@code threadPrefix}.
 */
public final class HttpServer implements AutoCloseable {

  private static final int ACCEPT_BACKLOG = 128;

  /** One I/O thread per core, up to four: reading and writing is cheap next to answering. */
  private static final int IO_THREADS =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private final ServerSocketChannel channel;
  private final ThreadPoolExecutor workers;
  private final List<IoLoop> loops = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  private HttpServer(
      ServerSocketChannel channel, Handler handler, HttpLimits limits, String threadPrefix)
      throws IOException {
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
    BodyBudget budget = new BodyBudget(limits.bodyBudgetBytes());
    AtomicInteger openConnections = new AtomicInteger();
    ThreadFactory ioThreads = daemons(threadPrefix + "io-");
    for (int i = 0; i < IO_THREADS; i++) {
      IoLoop loop = new IoLoop(Selector.open(), workers, handler, limits, budget, openConnections);
      loops.add(loop);
      threads.add(ioThreads.newThread(loop));
    }
    threads.add(
        daemons(threadPrefix + "accept-")
            .newThread(new Acceptor(channel, loops, openConnections, limits.maxConnections())));
  }

  /**
   * Binds {@code address} and starts serving.
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  public static HttpServer start(
      InetSocketAddress address, Handler handler, HttpLimits limits, String threadPrefix) {
    ServerSocketChannel channel = null;
    try {
      channel = ServerSocketChannel.open();
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      channel.bind(address, ACCEPT_BACKLOG);
      HttpServer server = new HttpServer(channel, handler, limits, threadPrefix);
      server.threads.forEach(Thread::start);
      return server;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Cannot bind the Crossdeck emulator to " + address, e);
    }
  }

  /** The bound port. */
  public int port() {
    return channel.socket().getLocalPort();
  }

  /** Releases the port and closes every connection; waits briefly for the I/O threads. */
  @Override
  public void close() {
    closeQuietly(channel);
    loops.forEach(IoLoop::stop);
    workers.shutdownNow();
    try {
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      }
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
