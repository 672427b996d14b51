package com.crossdeck.emulator.internal;

import java.util.List;

/**
 * Masks keys for logs the way the reference SDK displays them (contract §b): the known prefix, then
 * {@code ****}, then the last four characters when the key is long enough that they reveal little.
 */
final class KeyMask {

  static final List<String> PREFIXES =
      List.of("cd_sk_test_", "cd_sk_live_", "cd_pub_test_", "cd_pub_live_");

  private KeyMask() {}

  static String mask(String key) {
    String prefix = PREFIXES.stream().filter(key::startsWith).findFirst().orElse("");
    String tail = key.length() > prefix.length() + 4 ? key.substring(key.length() - 4) : "";
    return prefix + "****" + tail;
  }
}
