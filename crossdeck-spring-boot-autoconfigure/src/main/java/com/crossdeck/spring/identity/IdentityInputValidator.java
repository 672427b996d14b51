package com.crossdeck.spring.identity;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Checks identifiers taken from request headers and cookies before they are used as an event's
 * identity. These values are controlled by whoever sends the request, so they are held to the shape
 * the web SDK produces ({@code anon_…}, {@code cdcust_…}): 1 to {@value #MAX_LENGTH} characters of
 * {@code A-Z a-z 0-9 _ . : -}.
 *
 * <p>A value that fails is ignored and counted ({@link #rejectedCount()}, exposed as the {@code
 * crossdeck.identity.invalid} metric and in the health details). It is never logged: the first
 * rejection logs one line with the value's length and where it came from. Thread-safe.
 */
public final class IdentityInputValidator {

  /** Longest identifier accepted, matching the API's identity limit. */
  public static final int MAX_LENGTH = 256;

  private static final Log logger = LogFactory.getLog(IdentityInputValidator.class);

  private final LongAdder rejected = new LongAdder();
  private final AtomicBoolean logged = new AtomicBoolean();

  /**
   * Returns the value if it is an acceptable identifier.
   *
   * @param value the raw value, or {@code null} when absent
   * @param source where it came from, for the log line (for example {@code "header X-Anon-Id"})
   * @return the value, or {@code null} when it was absent or rejected
   */
  public @Nullable String accept(@Nullable String value, String source) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (isValid(value)) {
      return value;
    }
    rejected.increment();
    if (logged.compareAndSet(false, true)) {
      logger.warn(
          "Ignored an invalid Crossdeck identifier from the "
              + source
              + " ("
              + value.length()
              + " characters; expected 1-"
              + MAX_LENGTH
              + " of A-Z a-z 0-9 _ . : -). Further invalid values are counted in the"
              + " crossdeck.identity.invalid metric without logging.");
    }
    return null;
  }

  /** How many header or cookie values were ignored as invalid. */
  public long rejectedCount() {
    return rejected.sum();
  }

  private static boolean isValid(String value) {
    if (value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == ':'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
