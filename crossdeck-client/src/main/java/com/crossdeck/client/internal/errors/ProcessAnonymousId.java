package com.crossdeck.client.internal.errors;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * The anonymous id of this process: {@code anon_java_} + the start time in base 36 + 10 random
 * characters from {@code [0-9a-z]}, in the shape of the other Crossdeck SDKs' ids (contract §k.1).
 *
 * <p>Events that have no identity of their own, such as captured errors, carry it (contract §j.4),
 * so that they still reach Crossdeck and all the errors of one process can be told apart from
 * another's. It is created on first use and stays the same for the life of the class loader.
 * Thread-safe.
 */
public final class ProcessAnonymousId {

  /** The prefix that marks an id minted by this SDK for a process rather than for a user. */
  public static final String PREFIX = "anon_java_";

  private static final int RANDOM_LENGTH = 10;
  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

  private ProcessAnonymousId() {}

  /** The id of this process; every call returns the same string. */
  public static String get() {
    return Holder.ID;
  }

  /**
   * Mints a new id.
   *
   * @param epochMillis the creation time, in epoch milliseconds
   * @param random the source of the random suffix
   * @return {@value #PREFIX}, {@code epochMillis} in base 36, then 10 characters of {@code
   *     [0-9a-z]}
   */
  public static String generate(long epochMillis, RandomGenerator random) {
    StringBuilder id = new StringBuilder(PREFIX).append(Long.toString(epochMillis, 36));
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  // The holder idiom makes the JVM's class initialization do the once-only, thread-safe creation.
  private static final class Holder {
    // Processes that start in the same millisecond (a fleet scaling out) must still differ, so the
    // suffix comes from a source that is not seeded from the clock.
    static final String ID = generate(System.currentTimeMillis(), new SecureRandom());
  }
}
