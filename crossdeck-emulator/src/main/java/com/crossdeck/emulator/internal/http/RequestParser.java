package com.crossdeck.emulator.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.1 request at a time from whatever bytes have arrived, so the I/O thread never
 * waits for a client: the head ({@link RequestHead}), then a {@code Content-Length} or chunked
 * body. Bodies over the limit are skipped (up to a second limit) and flagged, so the handler can
 * still answer 413 after authenticating. Body bytes are buffered only as they arrive, against a
 * budget shared by all connections.
 *
 * <p>Confined to the I/O thread.
 */
final class RequestParser {

  enum Progress {
    NEED_MORE,
    COMPLETE,
    REJECTED
  }

  private enum State {
    HEAD,
    FIXED_BODY,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_DATA_END,
    TRAILERS,
    DONE
  }

  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{1,15}");
  private static final int MAX_LINE = 1024;

  private final HttpLimits limits;
  private final BodyBudget budget;
  private final byte[] line = new byte[MAX_LINE];

  private State state;
  private boolean started;
  private byte[] headBytes;
  private int headLength;
  private int lineLength;
  private int trailerBytes;
  private RequestHead head;
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
    headBytes = new byte[512];
    headLength = 0;
    lineLength = 0;
    trailerBytes = 0;
    head = null;
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
    try {
      while (rejection == null && state != State.DONE && in.hasRemaining()) {
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
    } catch (Rejection.Refused refused) {
      rejection = refused.rejection();
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
        head != null
            && head.expectsContinue()
            && !continueSent
            && state != State.DONE
            && rejection == null;
    if (send) {
      continueSent = true;
    }
    return send;
  }

  HttpRequest request() {
    byte[] bytes = tooLarge ? new byte[0] : Arrays.copyOf(body, bodyLength);
    return new HttpRequest(
        head.method(), head.path(), head.query(), head.headers(), bytes, tooLarge);
  }

  boolean isHead() {
    return head.method().equals("HEAD");
  }

  /** Whether the connection must be closed once the response is sent. */
  boolean closeAfterResponse() {
    return !head.keepAlive() || closeAfter;
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
        throw new Rejection.Refused(Rejection.headTooLarge(limits));
      }
      if (headLength == headBytes.length) {
        headBytes = Arrays.copyOf(headBytes, Math.min(headBytes.length * 2, limits.maxHeadBytes()));
      }
      headBytes[headLength++] = b;
      if (b == '\n' && endsWithBlankLine()) {
        head = RequestHead.parse(headBytes, headLength, limits);
        startBody();
        return;
      }
    }
  }

  private boolean endsWithBlankLine() {
    return (headLength >= 2 && headBytes[headLength - 2] == '\n')
        || (headLength >= 3
            && headBytes[headLength - 2] == '\r'
            && headBytes[headLength - 3] == '\n');
  }

  private void startBody() {
    if (head.chunked()) {
      state = State.CHUNK_SIZE;
      return;
    }
    long length = head.contentLength();
    remaining = length;
    if (length == 0) {
      state = State.DONE;
    } else if (length <= limits.maxBodyBytes()) {
      state = State.FIXED_BODY;
    } else {
      tooLarge = true;
      if (head.expectsContinue() || length > limits.maxSkippedBodyBytes()) {
        closeAfter = true; // answer without reading the body, then close
        state = State.DONE;
      } else {
        skipping = true;
        state = State.FIXED_BODY;
      }
    }
  }

  private void readFixedBody(ByteBuffer in) {
    int n = (int) Math.min(remaining, in.remaining());
    if (skipping) {
      in.position(in.position() + n);
    } else {
      append(in, n);
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
      throw new Rejection.Refused(Rejection.MALFORMED);
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
    } else {
      append(in, n);
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
      throw new Rejection.Refused(Rejection.MALFORMED);
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
      throw new Rejection.Refused(Rejection.headTooLarge(limits));
    }
    if (trailer.isEmpty()) {
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
        throw new Rejection.Refused(Rejection.MALFORMED);
      }
      line[lineLength++] = b;
    }
    return null;
  }

  /** Copies {@code n} body bytes, or refuses the request when the shared budget is spent. */
  private void append(ByteBuffer in, int n) {
    if (!budget.tryReserve(n)) {
      throw new Rejection.Refused(
          new Rejection(
              503,
              "server_busy",
              "The emulator is receiving too many request bodies at once; retry shortly."));
    }
    reserved += n;
    if (bodyLength + n > body.length) {
      int grown = Math.min(body.length * 2, limits.maxBodyBytes());
      body = Arrays.copyOf(body, Math.max(bodyLength + n, grown));
    }
    in.get(body, bodyLength, n);
    bodyLength += n;
  }
}
