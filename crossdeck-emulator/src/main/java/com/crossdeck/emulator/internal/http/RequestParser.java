package com.crossdeck.emulator.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses one HTTP/1.1 request at a time from whatever bytes have arrived, so the I/O thread never
 * waits for a client: request line and headers, then a {@code Content-Length} or chunked body.
 * Bodies over the limit are skipped (up to a second limit) and flagged, so the handler can still
 * answer 413 after authenticating. Every refusal carries a generic message that quotes nothing from
 * the request.
 *
 * <p>Confined to the I/O thread.
 */
final class RequestParser {

  enum Progress {
    NEED_MORE,
    COMPLETE,
    REJECTED
  }

  /** Why a request was refused before any handler saw it; the connection is then closed. */
  record Rejection(int status, String code, String message) {}

  private enum State {
    HEAD,
    FIXED_BODY,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_DATA_END,
    TRAILERS,
    DONE
  }

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{1,15}");
  private static final int MAX_LINE = 1024;
  private static final Rejection MALFORMED =
      new Rejection(400, "malformed_request", "The request is not valid HTTP/1.1.");

  private final HttpLimits limits;
  private final BodyBudget budget;

  private State state;
  private boolean started;
  private byte[] head;
  private int headLength;
  private final byte[] line = new byte[MAX_LINE];
  private int lineLength;
  private int trailerBytes;
  private String method;
  private String path;
  private String query;
  private Headers headers;
  private boolean keepAlive;
  private boolean continueExpected;
  private boolean continueSent;
  private long remaining;
  private byte[] body;
  private int bodyLength;
  private long reserved;
  private boolean skipping;
  private long skipped;
  private boolean tooLarge;
  private boolean closeAfter;
  private Rejection rejection;

  RequestParser(HttpLimits limits, BodyBudget budget) {
    this.limits = limits;
    this.budget = budget;
    reset();
  }

  /** Forgets the current request (releasing its body budget) to parse the next one. */
  void reset() {
    budget.release(reserved);
    state = State.HEAD;
    started = false;
    head = new byte[512];
    headLength = 0;
    lineLength = 0;
    trailerBytes = 0;
    method = null;
    path = null;
    query = null;
    headers = null;
    keepAlive = false;
    continueExpected = false;
    continueSent = false;
    remaining = 0;
    body = new byte[0];
    bodyLength = 0;
    reserved = 0;
    skipping = false;
    skipped = 0;
    tooLarge = false;
    closeAfter = false;
    rejection = null;
  }

  /** Consumes what it can of {@code in}; bytes of a following (pipelined) request stay there. */
  Progress feed(ByteBuffer in) {
    if (rejection != null) {
      return Progress.REJECTED;
    }
    while (state != State.DONE && rejection == null && in.hasRemaining()) {
      started = true;
      switch (state) {
        case HEAD -> readHead(in);
        case FIXED_BODY -> readFixedBody(in);
        case CHUNK_SIZE -> readChunkSize(in);
        case CHUNK_DATA -> readChunkData(in);
        case CHUNK_DATA_END -> readChunkEnd(in);
        case TRAILERS -> readTrailers(in);
        default -> throw new IllegalStateException(state.name());
      }
    }
    if (rejection != null) {
      return Progress.REJECTED;
    }
    return state == State.DONE ? Progress.COMPLETE : Progress.NEED_MORE;
  }

  /** Whether any byte of the current request has arrived (the request deadline is running). */
  boolean started() {
    return started;
  }

  /** True once, when the client asked for {@code 100 Continue} and its body has not arrived yet. */
  boolean takeContinue() {
    boolean send =
        continueExpected
            && !continueSent
            && state != State.HEAD
            && state != State.DONE
            && rejection == null;
    if (send) {
      continueSent = true;
    }
    return send;
  }

  HttpRequest request() {
    byte[] bytes = tooLarge ? new byte[0] : Arrays.copyOf(body, bodyLength);
    return new HttpRequest(method, path, query, headers, bytes, tooLarge);
  }

  boolean isHead() {
    return "HEAD".equals(method);
  }

  /** Whether the connection must be closed once the response is sent. */
  boolean closeAfterResponse() {
    return !keepAlive || closeAfter;
  }

  Rejection rejection() {
    return rejection;
  }

  private void readHead(ByteBuffer in) {
    while (in.hasRemaining()) {
      byte b = in.get();
      if (headLength == 0 && (b == '\r' || b == '\n')) {
        continue; // empty lines before a request line are allowed (RFC 9112 §2.2)
      }
      if (headLength == limits.maxHeadBytes()) {
        reject(headTooLarge());
        return;
      }
      if (headLength == head.length) {
        head = Arrays.copyOf(head, Math.min(head.length * 2, limits.maxHeadBytes()));
      }
      head[headLength++] = b;
      if (b == '\n' && endsWithBlankLine()) {
        parseHead();
        return;
      }
    }
  }

  private boolean endsWithBlankLine() {
    return (headLength >= 2 && head[headLength - 2] == '\n')
        || (headLength >= 3 && head[headLength - 2] == '\r' && head[headLength - 3] == '\n');
  }

  private void parseHead() {
    // Split on LF only and drop one CR before it: any other CR stays in the line and fails the
    // field-value check, so it can never start a header of its own.
    List<String> lines =
        Arrays.stream(new String(head, 0, headLength, StandardCharsets.ISO_8859_1).split("\n"))
            .map(text -> text.endsWith("\r") ? text.substring(0, text.length() - 1) : text)
            .toList();
    String[] requestLine = lines.get(0).split(" ", -1);
    if (requestLine.length != 3 || !TOKEN.matcher(requestLine[0]).matches()) {
      reject(MALFORMED);
      return;
    }
    String version = requestLine[2];
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      reject(
          version.startsWith("HTTP/")
              ? new Rejection(
                  505, "http_version_not_supported", "Only HTTP/1.1 and HTTP/1.0 are served.")
              : MALFORMED);
      return;
    }
    if (!parseTarget(requestLine[1]) || !parseHeaderLines(lines)) {
      return;
    }
    method = requestLine[0];
    boolean http11 = version.equals("HTTP/1.1");
    List<String> connection = tokens("Connection");
    keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");
    continueExpected =
        http11
            && headers.first("Expect").map(e -> e.equalsIgnoreCase("100-continue")).orElse(false);
    startBody(http11);
  }

  private boolean parseTarget(String target) {
    String pathAndQuery = target;
    if (target.regionMatches(true, 0, "http://", 0, 7)) {
      int slash = target.indexOf('/', 7);
      pathAndQuery = slash < 0 ? "/" : target.substring(slash);
    }
    if (!pathAndQuery.startsWith("/") && !pathAndQuery.equals("*")) {
      reject(MALFORMED);
      return false;
    }
    for (int i = 0; i < pathAndQuery.length(); i++) {
      char c = pathAndQuery.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        reject(MALFORMED);
        return false;
      }
    }
    int question = pathAndQuery.indexOf('?');
    path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    query = question < 0 ? "" : pathAndQuery.substring(question + 1);
    return true;
  }

  private boolean parseHeaderLines(List<String> lines) {
    Headers.Builder builder = Headers.builder();
    for (String headerLine : lines.subList(1, lines.size())) {
      if (headerLine.isEmpty()) {
        continue;
      }
      int colon = headerLine.indexOf(':');
      if (colon <= 0
          || !TOKEN.matcher(headerLine.substring(0, colon)).matches()
          || !isFieldValue(headerLine, colon + 1)) {
        reject(MALFORMED); // also refuses obsolete line folding: a line starting with a space
        return false;
      }
      if (builder.count() == limits.maxHeaders()) {
        reject(headTooLarge());
        return false;
      }
      builder.add(headerLine.substring(0, colon), headerLine.substring(colon + 1).strip());
    }
    headers = builder.build();
    return true;
  }

  private static boolean isFieldValue(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < ' ' && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private void startBody(boolean http11) {
    List<String> transferEncoding = headers.all("Transfer-Encoding");
    List<String> contentLength = headers.all("Content-Length");
    if (!transferEncoding.isEmpty()) {
      if (!contentLength.isEmpty() || !http11) {
        reject(MALFORMED);
      } else if (!String.join(",", transferEncoding).strip().equalsIgnoreCase("chunked")) {
        reject(
            new Rejection(
                501, "not_implemented", "Only the chunked Transfer-Encoding is supported."));
      } else {
        state = State.CHUNK_SIZE;
      }
      return;
    }
    long length = contentLength(contentLength);
    if (length < 0) {
      reject(MALFORMED);
    } else if (length == 0) {
      state = State.DONE;
    } else if (length > limits.maxBodyBytes()) {
      tooLarge = true;
      if (continueExpected || length > limits.maxSkippedBodyBytes()) {
        closeAfter = true; // answer without reading the body, then close
        state = State.DONE;
      } else {
        skipping = true;
        remaining = length;
        state = State.FIXED_BODY;
      }
    } else {
      remaining = length;
      state = State.FIXED_BODY;
    }
  }

  /** The declared length; 0 when absent, -1 when malformed or contradictory. */
  private static long contentLength(List<String> values) {
    String value = null;
    for (String field : values) {
      for (String part : field.split(",", -1)) {
        String trimmed = part.strip();
        if (!DIGITS.matcher(trimmed).matches() || (value != null && !value.equals(trimmed))) {
          return -1;
        }
        value = trimmed;
      }
    }
    return value == null ? 0 : Long.parseLong(value);
  }

  private void readFixedBody(ByteBuffer in) {
    int n = (int) Math.min(remaining, in.remaining());
    if (skipping) {
      in.position(in.position() + n);
    } else if (!append(in, n)) {
      return;
    }
    remaining -= n;
    if (remaining == 0) {
      state = State.DONE;
    }
  }

  private void readChunkSize(ByteBuffer in) {
    String size = readLine(in);
    if (size == null) {
      return;
    }
    int semicolon = size.indexOf(';');
    String digits = (semicolon < 0 ? size : size.substring(0, semicolon)).strip();
    if (!HEX.matcher(digits).matches()) {
      reject(MALFORMED);
      return;
    }
    remaining = Long.parseLong(digits, 16);
    state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
  }

  private void readChunkData(ByteBuffer in) {
    int n = (int) Math.min(remaining, in.remaining());
    if (!skipping && bodyLength + (long) n > limits.maxBodyBytes()) {
      startSkipping();
    }
    if (skipping) {
      in.position(in.position() + n);
      skipped += n;
      if (skipped > limits.maxSkippedBodyBytes()) {
        closeAfter = true;
        state = State.DONE;
        return;
      }
    } else if (!append(in, n)) {
      return;
    }
    remaining -= n;
    if (remaining == 0) {
      state = State.CHUNK_DATA_END;
    }
  }

  private void startSkipping() {
    skipping = true;
    tooLarge = true;
    skipped = bodyLength;
    budget.release(reserved);
    reserved = 0;
    body = new byte[0];
    bodyLength = 0;
  }

  private void readChunkEnd(ByteBuffer in) {
    String end = readLine(in);
    if (end == null) {
      return;
    }
    if (!end.isEmpty()) {
      reject(MALFORMED);
      return;
    }
    state = State.CHUNK_SIZE;
  }

  private void readTrailers(ByteBuffer in) {
    String trailer = readLine(in);
    if (trailer == null) {
      return;
    }
    trailerBytes += trailer.length() + 2;
    if (trailerBytes > limits.maxHeadBytes()) {
      reject(headTooLarge());
    } else if (trailer.isEmpty()) {
      state = State.DONE;
    }
  }

  /** A line without its CRLF (or LF), or null until it has arrived completely. */
  private String readLine(ByteBuffer in) {
    while (in.hasRemaining()) {
      byte b = in.get();
      if (b == '\n') {
        int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        lineLength = 0;
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
      }
      if (lineLength == MAX_LINE) {
        reject(MALFORMED);
        return null;
      }
      line[lineLength++] = b;
    }
    return null;
  }

  /** Copies {@code n} body bytes, or refuses the request when the shared budget is spent. */
  private boolean append(ByteBuffer in, int n) {
    if (!budget.tryReserve(n)) {
      reject(
          new Rejection(
              503,
              "server_busy",
              "The emulator is receiving too many request bodies at once; retry shortly."));
      return false;
    }
    reserved += n;
    if (bodyLength + n > body.length) {
      int grown = Math.min(body.length * 2, limits.maxBodyBytes());
      body = Arrays.copyOf(body, Math.max(bodyLength + n, grown));
    }
    in.get(body, bodyLength, n);
    bodyLength += n;
    return true;
  }

  private List<String> tokens(String header) {
    return headers.all(header).stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(token -> token.strip().toLowerCase(Locale.ROOT))
        .toList();
  }

  private Rejection headTooLarge() {
    return new Rejection(
        431,
        "request_header_fields_too_large",
        "The request line and headers must fit in "
            + limits.maxHeadBytes()
            + " bytes and "
            + limits.maxHeaders()
            + " fields.");
  }

  private void reject(Rejection reason) {
    rejection = reason;
  }
}
