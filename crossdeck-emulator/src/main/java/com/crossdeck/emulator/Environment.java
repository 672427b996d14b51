package com.crossdeck.emulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * The environment a key writes to. Data of the two environments never mixes: a {@code cd_sk_test_}
 * key and a {@code cd_sk_live_} key see separate customers, dedup sets and idempotency caches.
 */
public enum Environment {
  /** Keys with a {@code _test_} infix ({@code cd_sk_test_…}, {@code cd_pub_test_…}). */
  SANDBOX("sandbox"),
  /** Keys with a {@code _live_} infix ({@code cd_sk_live_…}, {@code cd_pub_live_…}). */
  PRODUCTION("production");

  private final String wireName;

  Environment(String wireName) {
    this.wireName = wireName;
  }

  /** The value used on the wire, e.g. in the {@code env} field of responses: {@code sandbox}. */
  public String wireName() {
    return wireName;
  }

  /** The environment whose {@link #wireName()} is {@code value}, if any. */
  public static Optional<Environment> fromWireName(String value) {
    return Arrays.stream(values()).filter(env -> env.wireName.equals(value)).findFirst();
  }
}
