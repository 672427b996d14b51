package com.crossdeck.emulator.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Server-minted ids. Formats follow the reference SDK (contract §a.4, §d.9): a prefix, the time in
 * base 36 where it helps ordering, and random {@code [0-9a-z]} characters. They only need to be
 * unique, not secret, so a fast non-cryptographic random is enough.
 */
final class Ids {

  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  private Ids() {}

  static String requestId() {
    return "req_" + random(24);
  }

  static String eventId(long nowMillis) {
    return "evt_" + Long.toString(nowMillis, 36) + random(8);
  }

  static String customerId() {
    return "cdcust_" + random(20);
  }

  static String auditId() {
    return "aud_" + random(20);
  }

  private static String random(int length) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }
}
