package com.crossdeck.spring.identity;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Checks identifiers taken from request headers and cookies before they are used as an event's
 * identity. Whoever sends the request chooses these values, so each is held to the shape the web
 * SDK and the Crossdeck API produce: an anonymous id must match the anonymous-id pattern (by
 * default {@value #DEFAULT_ANONYMOUS_ID_PATTERN}, which the web, Android and Node SDKs' ids all
 * match), a customer id must match {@value #CUSTOMER_ID_PATTERN}. Nothing longer than {@value
 * #MAX_LENGTH} characters is even matched.
 *
 * <p>A value that fails is ignored and counted ({@link #rejectedCount()}, exposed as the {@code
 * crossdeck.identity.invalid} metric and in the health details). It is never logged: the first
 * rejection logs one line with the value's length and where it came from. Thread-safe.
 */
public final class IdentityInputValidator {

  /** Longest identifier considered at all, matching the API's identity limit. */
  public static final int MAX_LENGTH = 256;

  /**
   * The default shape of an anonymous id: {@code anon_} and 1 to 64 of {@code A-Z a-z 0-9 _ -}. The
   * web SDK mints {@code anon_} + the time in base 36 + 10 random characters (23 in all).
   */
  public static final String DEFAULT_ANONYMOUS_ID_PATTERN = "anon_[A-Za-z0-9_-]{1,64}";

  /** The shape of a Crossdeck customer id. */
  public static final String CUSTOMER_ID_PATTERN = "cdcust_[A-Za-z0-9_-]{1,64}";

  private static final Pattern CUSTOMER_ID = Pattern.compile(CUSTOMER_ID_PATTERN);

  private static final Log logger = LogFactory.getLog(IdentityInputValidator.class);

  private final Pattern anonymousId;
  private final LongAdder rejected = new LongAdder();
  private final AtomicBoolean logged = new AtomicBoolean();

  /** Creates a validator that expects the web SDK's anonymous ids. */
  public IdentityInputValidator() {
    this(Pattern.compile(DEFAULT_ANONYMOUS_ID_PATTERN));
  }

  /**
   * Creates a validator for anonymous ids of another shape.
   *
   * @param anonymousIdPattern what a whole anonymous id must match; keep it free of nested
   *     repetition, since it runs on every request's values (up to {@value #MAX_LENGTH} characters)
   */
  public IdentityInputValidator(Pattern anonymousIdPattern) {
    this.anonymousId = anonymousIdPattern;
  }

  /**
   * Returns the value if it is an acceptable anonymous id.
   *
   * @param value the raw value, or {@code null} when absent
   * @param source where it came from, for the log line (for example {@code "header X-Anon-Id"})
   * @return the value, or {@code null} when it was absent or rejected
   */
  public @Nullable String acceptAnonymousId(@Nullable String value, String source) {
    return accept(value, anonymousId, source);
  }

  /**
   * Returns the value if it is an acceptable Crossdeck customer id.
   *
   * @param value the raw value, or {@code null} when absent
   * @param source where it came from, for the log line
   * @return the value, or {@code null} when it was absent or rejected
   */
  public @Nullable String acceptCustomerId(@Nullable String value, String source) {
    return accept(value, CUSTOMER_ID, source);
  }

  /** How many header or cookie values were ignored as invalid. */
  public long rejectedCount() {
    return rejected.sum();
  }

  private @Nullable String accept(@Nullable String value, Pattern shape, String source) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() <= MAX_LENGTH && shape.matcher(value).matches()) {
      return value;
    }
    rejected.increment();
    if (logged.compareAndSet(false, true)) {
      logger.warn(
          "Ignored an invalid Crossdeck identifier from the "
              + source
              + " ("
              + value.length()
              + " characters; expected the whole value to match "
              + shape.pattern()
              + "). Further invalid values are counted in the crossdeck.identity.invalid metric"
              + " without logging.");
    }
    return null;
  }
}
