package com.crossdeck.emulator.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read with a hard limit. At most {@link #MAX_BYTES} + 1 bytes are ever buffered;
 * the rest of an oversized body is read and discarded (up to {@link #DISCARD_LIMIT}) so the client
 * can finish sending and read the 413 instead of hitting a reset connection.
 *
 * @param bytes the body, or empty when it was too large
 * @param tooLarge whether the body (declared or actual) exceeded {@link #MAX_BYTES}
 */
record RequestBody(byte[] bytes, boolean tooLarge) {

  /** The API's request size limit: 1 MB. */
  static final int MAX_BYTES = 1024 * 1024;

  /** Beyond this much input the emulator stops reading and the connection is closed. */
  static final long DISCARD_LIMIT = 16L * 1024 * 1024;

  private static final RequestBody TOO_LARGE = new RequestBody(new byte[0], true);

  /**
   * Reads the body.
   *
   * @param declaredLength the {@code Content-Length}, or -1 when the body is chunked
   */
  static RequestBody read(InputStream in, long declaredLength) throws IOException {
    if (declaredLength > MAX_BYTES) {
      discard(in);
      return TOO_LARGE;
    }
    if (declaredLength >= 0) {
      return new RequestBody(in.readNBytes((int) declaredLength), false);
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int read;
    while ((read = in.read(chunk)) != -1) {
      if (buffer.size() + read > MAX_BYTES) {
        discard(in);
        return TOO_LARGE;
      }
      buffer.write(chunk, 0, read);
    }
    return new RequestBody(buffer.toByteArray(), false);
  }

  private static void discard(InputStream in) throws IOException {
    byte[] sink = new byte[8192];
    long total = 0;
    int read;
    while (total < DISCARD_LIMIT && (read = in.read(sink)) != -1) {
      total += read;
    }
  }
}
