package com.crossdeck.benchmarks.sink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads HTTP/1.1 requests from a buffered connection: request line, headers, and a body framed by
 * {@code Content-Length} or {@code Transfer-Encoding: chunked}, gunzipped when {@code
 * Content-Encoding: gzip}. Just enough HTTP for the SDKs under test, and fast enough that the sink
 * is never the bottleneck ({@link SinkCapacity} proves it).
 */
final class HttpRequestReader {

  private static final int MAX_LINE = 16 * 1024;

  private final InputStream in;
  private final byte[] line = new byte[MAX_LINE];

  HttpRequestReader(InputStream in) {
    this.in = in;
  }

  /** The next request, or {@code null} when the client closed the connection between requests. */
  HttpRequest next() throws IOException {
    String requestLine = readLine(true);
    if (requestLine == null) {
      return null;
    }
    long received = System.nanoTime();
    int firstSpace = requestLine.indexOf(' ');
    int secondSpace = requestLine.indexOf(' ', firstSpace + 1);
    if (firstSpace < 0 || secondSpace < 0) {
      throw new IOException("Malformed request line: " + requestLine);
    }
    String method = requestLine.substring(0, firstSpace);
    String target = requestLine.substring(firstSpace + 1, secondSpace);
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    Map<String, String> headers = new HashMap<>();
    for (String header = readLine(false); !header.isEmpty(); header = readLine(false)) {
      int colon = header.indexOf(':');
      if (colon > 0) {
        headers.put(
            header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).trim());
      }
    }
    byte[] body = readBody(headers);
    if ("gzip".equalsIgnoreCase(headers.get("content-encoding"))) {
      try (InputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
        body = gunzip.readAllBytes();
      }
    }
    return new HttpRequest(method, path, headers, body, received);
  }

  private byte[] readBody(Map<String, String> headers) throws IOException {
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = readLine(false);
        int extension = size.indexOf(';');
        int length =
            Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        if (length == 0) {
          while (!readLine(false).isEmpty()) {
            // trailers are ignored
          }
          return body.toByteArray();
        }
        body.write(readExactly(length));
        readLine(false);
      }
    }
    String length = headers.get("content-length");
    return length == null ? new byte[0] : readExactly(Integer.parseInt(length));
  }

  private byte[] readExactly(int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new EOFException("Body ended after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }

  /** A CRLF- or LF-terminated line; {@code null} at a clean end of stream if allowed. */
  private String readLine(boolean endAllowed) throws IOException {
    int length = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (length == 0 && endAllowed) {
          return null;
        }
        throw new EOFException("Connection closed mid-request");
      }
      if (b == '\n') {
        if (length > 0 && line[length - 1] == '\r') {
          length--;
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
      }
      if (length == MAX_LINE) {
        throw new IOException("Header line longer than " + MAX_LINE + " bytes");
      }
      line[length++] = (byte) b;
    }
  }
}
