package com.crossdeck.client.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default {@link Transport}, backed by the JDK's own {@link HttpClient}: no extra library, so
 * it runs whatever HTTP stack (or Kotlin runtime) the application's dependency management picks.
 *
 * <p>Plain {@code http://} URLs (a local emulator) are sent as HTTP/1.1, so no HTTP/2 upgrade is
 * attempted; {@code https://} negotiates HTTP/2 when the server offers it. The JDK client sets
 * {@code TCP_NODELAY} on its sockets itself. Each request's {@link TransportRequest#timeout()}
 * bounds the wait for the response; connecting gets at most 10 s of it.
 *
 * <p>Threads: the client's work runs on daemon threads named {@code crossdeck-http-N}. The JDK
 * client also starts one selector thread of its own ({@code HttpClient-N-SelectorManager}, a
 * daemon) whose name cannot be changed. On Java 21 and later {@link #close()} shuts the client
 * down; on Java 17 its threads end when the client is garbage collected.
 *
 * <p>Use {@link #create(HttpClient)} to share an application's own client; the SDK then leaves that
 * client alone on close. Thread-safe.
 */
public final class JdkHttpTransport implements Transport {

  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final int MAX_PARSED_URIS = 64;

  private final HttpClient client;
  private final ExecutorService ownExecutor;
  private final Map<String, URI> parsedUris = new ConcurrentHashMap<>();

  private JdkHttpTransport(HttpClient client, ExecutorService ownExecutor) {
    this.client = client;
    this.ownExecutor = ownExecutor;
  }

  /**
   * Creates a transport with its own client.
   *
   * @param timeout the per-request timeout; connecting gets at most 10 s of it
   */
  public static JdkHttpTransport create(Duration timeout) {
    Duration connect = timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT;
    ExecutorService executor = Executors.newCachedThreadPool(new DaemonThreads());
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(connect)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
    return new JdkHttpTransport(client, executor);
  }

  /** Creates a transport that sends through an application's client. */
  public static JdkHttpTransport create(HttpClient client) {
    return new JdkHttpTransport(Objects.requireNonNull(client, "client"), null);
  }

  @Override
  public TransportResponse execute(TransportRequest request) throws IOException {
    URI uri = parse(request.url());
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(request.timeout());
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    request.headers().forEach(builder::header);
    builder.method(
        request.method(),
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(bytesOf(request.body())));
    HttpResponse<byte[]> response;
    try {
      response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      InterruptedIOException timeout = new InterruptedIOException(e.getMessage());
      timeout.initCause(e);
      throw timeout;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted");
      interrupted.initCause(e);
      throw interrupted;
    }
    Map<String, String> headers = new HashMap<>();
    for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
      if (!header.getValue().isEmpty()) {
        headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue().get(0));
      }
    }
    byte[] body = response.body();
    return new TransportResponse(response.statusCode(), headers, body == null ? new byte[0] : body);
  }

  /**
   * Parses each URL once: the SDK calls a handful of URLs over and over. Bounded so that a caller
   * passing endless distinct URLs cannot grow it without limit.
   */
  private URI parse(String url) {
    URI parsed = parsedUris.get(url);
    if (parsed == null) {
      parsed = URI.create(url);
      if (parsedUris.size() < MAX_PARSED_URIS) {
        parsedUris.put(url, parsed);
      }
    }
    return parsed;
  }

  /** The body in one array of its exact length, copied once. */
  private static byte[] bytesOf(TransportRequest.Body body) throws IOException {
    ExactBytes out = new ExactBytes((int) body.contentLength());
    body.writeTo(out);
    return out.bytes();
  }

  /** An output stream into an array of a known length. */
  private static final class ExactBytes extends OutputStream {
    private final byte[] bytes;
    private int count;

    ExactBytes(int length) {
      this.bytes = new byte[length];
    }

    @Override
    public void write(int b) {
      bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
      System.arraycopy(source, offset, bytes, count, length);
      count += length;
    }

    byte[] bytes() {
      return count == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, count);
    }
  }

  /** The JDK client requests go through. */
  HttpClient client() {
    return client;
  }

  @Override
  public void close() {
    if (ownExecutor == null) {
      return;
    }
    // HttpClient is AutoCloseable from Java 21; on 17 it stops when it becomes unreachable.
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Closing is best effort: the client is not used again.
      }
    }
    ownExecutor.shutdown();
  }

  /** Names the client's threads {@code crossdeck-http-N} and makes them daemons. */
  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "crossdeck-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      // Threads outlive the call that started them; holding a caller's class loader would leak it.
      thread.setContextClassLoader(null);
      return thread;
    }
  }
}
