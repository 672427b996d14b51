package com.crossdeck.sample.email;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The email-link tokens that already linked a browser to their user. A token links once: the first
 * browser that opens it with an anonymous id is the recipient's; any later one got the link from
 * somewhere else (a forwarded email, a shared screenshot) and must not join the recipient's
 * timeline.
 *
 * <p>In memory and bounded (the {@value #CAPACITY} most recent), which suits a demo. In a real
 * application this is a table with a unique key on the token's digest, whose rows can go once the
 * token has expired. Thread-safe.
 */
@Component
class SpentLinkTokens {

  static final int CAPACITY = 100_000;

  private final Map<String, Boolean> spent =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > CAPACITY;
            }
          });

  /** Spends the token's right to link; true only for the first call. */
  boolean spend(String tokenDigest) {
    return spent.putIfAbsent(tokenDigest, Boolean.TRUE) == null;
  }

  /** Gives the right back after a link that did not happen, so a later click may try again. */
  void refund(String tokenDigest) {
    spent.remove(tokenDigest);
  }
}
