package com.crossdeck.client.internal.encoding;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Generates the SDK's identifiers: {@code evt_…} event ids and {@code batch_…} idempotency keys.
 *
 * <p>Both are a prefix, the time in base 36 (so ids sort roughly by creation) and random characters
 * from {@code [0-9a-v]}, five random bits each. Event ids carry 16 of them (80 bits) rather than
 * the reference SDK's 8 base-36 characters (41 bits): the server deduplicates on event id, so a
 * collision silently loses an event, and at a million events per second 41 bits collide within
 * hours. Five bits per character (a subset of the contract's {@code [0-9a-z]}) needs no rejection
 * loop, which matters because an id is minted on every {@code track()}.
 */
public final class Ids {

  private static final byte[] DIGITS =
      "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
  private static final int EVENT_RANDOM_CHARS = 16;
  private static final int BATCH_RANDOM_CHARS = 12;
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** A thread's id buffer and its last formatted millisecond, which rarely changes between ids. */
  private static final class Scratch {
    final byte[] bytes = new byte[64];
    long lastMillis = -1;
    final byte[] lastMillisBase36 = new byte[16];
    int lastMillisLength;
  }

  private Ids() {}

  /** A new event id, from the calling thread's random source. */
  public static String eventId(long nowMillis) {
    return build("evt_", nowMillis, EVENT_RANDOM_CHARS, ThreadLocalRandom.current());
  }

  /**
   * An event id derived from a seed, identical every time for the same seed: {@code evt_} and 16
   * characters (80 bits) of its SHA-256.
   */
  public static String derivedEventId(String seed) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    long bits = ByteBuffer.wrap(digest).getLong();
    long more = ByteBuffer.wrap(digest, 8, 8).getLong();
    char[] id = new char[4 + EVENT_RANDOM_CHARS];
    "evt_".getChars(0, 4, id, 0);
    for (int i = 0; i < EVENT_RANDOM_CHARS; i++) {
      if (i == 12) {
        bits = more;
      }
      id[4 + i] = (char) DIGITS[(int) (bits & 31)];
      bits >>>= 5;
    }
    return new String(id);
  }

  /**
   * Writes a new event id as a JSON string straight into {@code out}, so {@code track()} needs no
   * string for it; the same characters as {@link #eventId(long)}.
   */
  public static void writeEventId(JsonWriter out, long nowMillis) {
    Scratch scratch = SCRATCH.get();
    byte[] id = scratch.bytes;
    id[0] = '"';
    id[1] = 'e';
    id[2] = 'v';
    id[3] = 't';
    id[4] = '_';
    int position = writeMillis(scratch, Math.max(0, nowMillis), 5);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long bits = random.nextLong();
    long more = random.nextLong();
    for (int i = 0; i < EVENT_RANDOM_CHARS; i++) {
      if (i == 12) {
        bits = more;
      }
      id[position++] = DIGITS[(int) (bits & 31)];
      bits >>>= 5;
    }
    id[position++] = '"';
    out.raw(id, 0, position);
  }

  /** A new idempotency key for a batch. */
  public static String batchKey(long nowMillis, RandomGenerator random) {
    return build("batch_", nowMillis, BATCH_RANDOM_CHARS, random);
  }

  /** A prefix, the time in base 36 and {@code randomChars} (at most 24) random characters. */
  public static String build(
      String prefix, long nowMillis, int randomChars, RandomGenerator random) {
    Scratch scratch = SCRATCH.get();
    byte[] id = scratch.bytes;
    int position = 0;
    for (int i = 0; i < prefix.length(); i++) {
      id[position++] = (byte) prefix.charAt(i);
    }
    position = writeMillis(scratch, Math.max(0, nowMillis), position);
    long bits = random.nextLong();
    long more = random.nextLong();
    for (int i = 0; i < randomChars; i++) {
      if (i == 12) {
        bits = more;
      }
      id[position++] = DIGITS[(int) (bits & 31)];
      bits >>>= 5;
    }
    // Latin-1 bytes become the String's own storage in one copy.
    return new String(id, 0, position, StandardCharsets.ISO_8859_1);
  }

  private static int writeMillis(Scratch scratch, long millis, int position) {
    if (millis != scratch.lastMillis) {
      int digits = 1;
      for (long rest = millis / 36; rest != 0; rest /= 36) {
        digits++;
      }
      long value = millis;
      for (int i = digits - 1; i >= 0; i--) {
        scratch.lastMillisBase36[i] = DIGITS[(int) (value % 36)];
        value /= 36;
      }
      scratch.lastMillis = millis;
      scratch.lastMillisLength = digits;
    }
    System.arraycopy(
        scratch.lastMillisBase36, 0, scratch.bytes, position, scratch.lastMillisLength);
    return position + scratch.lastMillisLength;
  }
}
