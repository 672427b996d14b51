package com.crossdeck.benchmarks.sink;

import com.crossdeck.benchmarks.sdk.TypicalEvent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Measures the sink's own capacity with the most trivial client possible: one keep-alive socket
 * sending the same pre-built batch back to back, reading each response before the next request
 * (like every SDK's single sender). If this is far above what any SDK achieves, the sink is not the
 * bottleneck; the per-request latency shows that {@code TCP_NODELAY} keeps it sub-millisecond.
 */
public final class SinkCapacity {

  /**
   * The capacity for one batch size.
   *
   * @param eventsPerRequest events in each request
   * @param requestsPerSecond requests answered per second
   * @param eventsPerSecond events counted per second
   * @param p50Micros median request latency, microseconds
   * @param p99Micros 99th percentile request latency, microseconds
   */
  public record Result(
      int eventsPerRequest,
      double requestsPerSecond,
      double eventsPerSecond,
      double p50Micros,
      double p99Micros) {}

  private SinkCapacity() {}

  /**
   * Sends batches of {@code eventsPerRequest} typical events for {@code duration}, after as long
   * again of warm-up (so the sink's JIT is as warm as it is for the SDKs, which run after this).
   */
  public static Result measure(RawSink sink, int eventsPerRequest, Duration duration)
      throws IOException {
    run(sink, eventsPerRequest, duration);
    return run(sink, eventsPerRequest, duration);
  }

  private static Result run(RawSink sink, int eventsPerRequest, Duration duration)
      throws IOException {
    sink.arm(SinkPlan.healthy(Long.MAX_VALUE));
    byte[] request = request(sink.port(), eventsPerRequest);
    long[] latencies = new long[1 << 20];
    int count = 0;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sink.port())) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      long now = start;
      while (now < end && count < latencies.length) {
        out.write(request);
        out.flush();
        readResponse(in);
        long after = System.nanoTime();
        latencies[count++] = after - now;
        now = after;
      }
      double seconds = (now - start) / 1e9;
      long[] sorted = Arrays.copyOf(latencies, count);
      Arrays.sort(sorted);
      return new Result(
          eventsPerRequest,
          count / seconds,
          count * (double) eventsPerRequest / seconds,
          sorted[count / 2] / 1e3,
          sorted[(int) (count * 0.99)] / 1e3);
    }
  }

  private static byte[] request(int port, int events) {
    StringBuilder body = new StringBuilder("{\"events\":[");
    for (int i = 0; i < events; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"eventId\":\"evt_")
          .append(i)
          .append("\",\"name\":\"")
          .append(TypicalEvent.NAME)
          .append("\",\"timestamp\":1767225600000,\"developerUserId\":\"")
          .append(TypicalEvent.userId(i))
          .append("\",\"properties\":{\"plan\":\"pro\",\"order_number\":")
          .append(i)
          .append(",\"amount\":49.99,\"trial\":false,\"renews_at\":\"2027-01-31T12:00:00Z\"}}");
    }
    byte[] json = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + json.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] request = Arrays.copyOf(headBytes, headBytes.length + json.length);
    System.arraycopy(json, 0, request, headBytes.length, json.length);
    return request;
  }

  private static void readResponse(InputStream in) throws IOException {
    int length = 0;
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("sink closed the connection");
      }
      if (b != '\n') {
        line.append((char) b);
        continue;
      }
      String header = line.toString().trim();
      line.setLength(0);
      if (header.isEmpty()) {
        break;
      }
      if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
        length = Integer.parseInt(header.substring(15).trim());
      }
    }
    in.readNBytes(length);
  }
}
