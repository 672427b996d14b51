package com.crossdeck.client.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Generates the SDK's identifiers: {@code evt_…} event ids and {@code batch_…} idempotency keys.
 *
 * <p>Both are a prefix, the time in base 36 (so ids sort roughly by creation) and random base-36
 * characters. Event ids carry 16 random characters (about 82 bits) rather than the reference SDK's
 * 8: the server deduplicates on event id, so a collision silently loses an event, and at a million
 * events per second 8 characters would collide within hours.
 */
public final class Ids {

  private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final int EVENT_RANDOM_CHARS = 16;
  private static final int BATCH_RANDOM_CHARS = 12;

  private Ids() {}

  /** A new event id, from the calling thread's random source. */
  public static String eventId(long nowMillis) {
    return build("evt_", nowMillis, EVENT_RANDOM_CHARS, ThreadLocalRandom.current());
  }

  /** A new idempotency key for a batch. */
  public static String batchKey(long nowMillis, RandomGenerator random) {
    return build("batch_", nowMillis, BATCH_RANDOM_CHARS, random);
  }

  /** A prefix, the time in base 36 and {@code randomChars} random base-36 characters. */
  public static String build(
      String prefix, long nowMillis, int randomChars, RandomGenerator random) {
    char[] id = new char[prefix.length() + 13 + randomChars];
    prefix.getChars(0, prefix.length(), id, 0);
    int position = prefix.length();
    position = writeBase36(Math.max(0, nowMillis), id, position);
    long bits = 0;
    int bitsLeft = 0;
    for (int i = 0; i < randomChars; i++) {
      if (bitsLeft < 6) {
        bits = random.nextLong();
        bitsLeft = 64;
      }
      // 6 bits give 0..63; rejecting 36..63 keeps the characters uniform.
      int candidate = (int) (bits & 0x3f);
      bits >>>= 6;
      bitsLeft -= 6;
      if (candidate >= 36) {
        i--;
        continue;
      }
      id[position++] = BASE36[candidate];
    }
    return new String(id, 0, position);
  }

  private static int writeBase36(long value, char[] into, int position) {
    int digits = 1;
    for (long rest = value / 36; rest != 0; rest /= 36) {
      digits++;
    }
    for (int i = position + digits - 1; i >= position; i--) {
      into[i] = BASE36[(int) (value % 36)];
      value /= 36;
    }
    return position + digits;
  }
}
