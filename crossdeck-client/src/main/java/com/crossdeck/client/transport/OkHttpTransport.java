package com.crossdeck.client.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;

/**
 * The default {@link Transport}, backed by OkHttp.
 *
 * <p>Each request's {@link TransportRequest#timeout()} is applied as OkHttp's call timeout, so it
 * bounds connecting, writing and reading together. Its sockets disable Nagle's algorithm, without
 * which every batch would wait about 40 ms for a delayed ACK. Use {@link #create(OkHttpClient)} to
 * share an application's own client (its connection pool, proxy and TLS settings); the SDK then
 * leaves that client's resources alone on close. Thread-safe.
 */
public final class OkHttpTransport implements Transport {

  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_PARSED_URLS = 64;

  private final OkHttpClient client;
  private final boolean ownsClient;
  private final Map<String, HttpUrl> parsedUrls = new ConcurrentHashMap<>();

  private OkHttpTransport(OkHttpClient client, boolean ownsClient) {
    this.client = client;
    this.ownsClient = ownsClient;
  }

  /**
   * Creates a transport with its own OkHttp client.
   *
   * @param timeout the default per-request timeout; connecting gets at most 10 s of it
   */
  public static OkHttpTransport create(Duration timeout) {
    Duration connect = timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT;
    OkHttpClient client =
        new OkHttpClient.Builder()
            .socketFactory(new NoDelaySocketFactory())
            .callTimeout(timeout)
            .connectTimeout(connect)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .build();
    return new OkHttpTransport(client, true);
  }

  /**
   * Creates a transport that sends through an application's OkHttp client. Give that client a
   * socket factory that sets {@code TCP_NODELAY}, or each batch may wait about 40 ms for a delayed
   * ACK.
   */
  public static OkHttpTransport create(OkHttpClient client) {
    return new OkHttpTransport(Objects.requireNonNull(client, "client"), false);
  }

  @Override
  public TransportResponse execute(TransportRequest request) throws IOException {
    Request.Builder builder = new Request.Builder().url(parse(request.url()));
    request.headers().forEach(builder::header);
    builder.method(
        request.method(), request.body() == null ? null : new StreamedBody(request.body()));
    OkHttpClient callClient = client;
    if (client.callTimeoutMillis() != request.timeout().toMillis()) {
      callClient = client.newBuilder().callTimeout(request.timeout()).build();
    }
    try (Response response = callClient.newCall(builder.build()).execute()) {
      ResponseBody body = response.body();
      byte[] bytes = body == null ? new byte[0] : body.bytes();
      Map<String, String> headers = new HashMap<>();
      for (String name : response.headers().names()) {
        headers.put(name.toLowerCase(Locale.ROOT), response.header(name));
      }
      return new TransportResponse(response.code(), headers, bytes);
    }
  }

  /**
   * Parses each URL once: the SDK calls a handful of URLs over and over, and OkHttp's parser (host
   * canonicalization included) showed up in the sender's profile. Bounded so that a caller passing
   * endless distinct URLs cannot grow it without limit.
   */
  private HttpUrl parse(String url) {
    HttpUrl parsed = parsedUrls.get(url);
    if (parsed == null) {
      parsed = HttpUrl.get(url);
      if (parsedUrls.size() < MAX_PARSED_URLS) {
        parsedUrls.put(url, parsed);
      }
    }
    return parsed;
  }

  /** The OkHttp client requests go through. */
  OkHttpClient client() {
    return client;
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.connectionPool().evictAll();
    }
  }

  private static final class StreamedBody extends RequestBody {
    private static final MediaType JSON = MediaType.get("application/json");

    private final TransportRequest.Body body;

    StreamedBody(TransportRequest.Body body) {
      this.body = body;
    }

    @Override
    public MediaType contentType() {
      String type = body.contentType();
      return JSON.toString().equals(type) ? JSON : MediaType.get(type);
    }

    @Override
    public long contentLength() {
      return body.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      body.writeTo(sink.outputStream());
    }
  }
}
