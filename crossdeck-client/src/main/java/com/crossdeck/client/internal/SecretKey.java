package com.crossdeck.client.internal;

import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.ErrorCodes;

/**
 * The secret key, kept out of every string the SDK produces.
 *
 * <p>{@link #toString()} returns the masked form, so the key cannot leak through logging or string
 * concatenation by accident; only {@link #authorizationHeader()} reveals it, for the one header
 * that must carry it.
 */
public final class SecretKey {

  private static final String SECRET_PREFIX = "cd_sk_";
  private static final String LIVE_PREFIX = "cd_sk_live_";
  private static final String TEST_PREFIX = "cd_sk_test_";

  private final String value;
  private final String masked;

  private SecretKey(String value) {
    this.value = value;
    this.masked = mask(value);
  }

  /**
   * Validates a key given to the builder. Surrounding whitespace is removed first: a key read from
   * a file or an environment variable often ends with a line break.
   *
   * @throws CrossdeckException {@code invalid_secret_key} when no key was given, when the key has
   *     whitespace or another character an HTTP header cannot carry inside it, or when it does not
   *     start with {@code cd_sk_}; the message never repeats the key
   */
  public static SecretKey of(String given) {
    if (given == null || given.isBlank()) {
      throw invalid(
          "No secret key was given; CrossdeckServer requires a secret key starting with cd_sk_"
              + " (cd_sk_live_… or cd_sk_test_…), for example from the CROSSDECK_SECRET_KEY"
              + " environment variable.");
    }
    String value = given.strip();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw invalid(
            "The secret key contains "
                + describe(c)
                + " at position "
                + (i + 1)
                + " of "
                + value.length()
                + "; a key is a single word of printable ASCII characters. Check how it was"
                + " copied or read.");
      }
    }
    if (!value.startsWith(SECRET_PREFIX) || value.length() == SECRET_PREFIX.length()) {
      String kind =
          value.startsWith("cd_pub_")
              ? "a publishable key (cd_pub_…), which belongs in browser and mobile SDKs"
              : "not a Crossdeck secret key";
      throw invalid(
          "CrossdeckServer requires a secret key starting with cd_sk_; the key given is "
              + kind
              + ".");
    }
    return new SecretKey(value);
  }

  private static String describe(char c) {
    if (c == '\n' || c == '\r') {
      return "a line break";
    } else if (c == '\t') {
      return "a tab";
    } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return "whitespace";
    } else if (Character.isISOControl(c)) {
      return "a control character";
    }
    return "a non-ASCII character";
  }

  private static CrossdeckException invalid(String message) {
    return new CrossdeckException(
        ErrorCodes.TYPE_CONFIGURATION, ErrorCodes.INVALID_SECRET_KEY, message);
  }

  /** {@code production} for {@code cd_sk_live_} keys, {@code sandbox} for every other key. */
  public String environment() {
    return value.startsWith(LIVE_PREFIX) ? "production" : "sandbox";
  }

  /** The {@code Authorization} header value. */
  public String authorizationHeader() {
    return "Bearer " + value;
  }

  /** The masked key, for example {@code cd_sk_test_****9999}. */
  public String masked() {
    return masked;
  }

  /** Replaces every occurrence of the key in server-provided text with the masked form. */
  public String redact(String text) {
    return text == null ? null : text.replace(value, masked);
  }

  /** The masked key; never the key itself. */
  @Override
  public String toString() {
    return masked;
  }

  /**
   * The environment prefix, then {@code ****}, then the last four characters when the key is long
   * enough that they cannot reveal most of it.
   */
  static String mask(String key) {
    String prefix;
    if (key.startsWith(LIVE_PREFIX)) {
      prefix = LIVE_PREFIX;
    } else if (key.startsWith(TEST_PREFIX)) {
      prefix = TEST_PREFIX;
    } else {
      prefix = SECRET_PREFIX;
    }
    StringBuilder masked = new StringBuilder(prefix.length() + 8).append(prefix).append("****");
    if (key.length() >= prefix.length() + 16) {
      masked.append(key, key.length() - 4, key.length());
    }
    // A builder rather than +: the mask is made in build(), where the first concatenation of a
    // JVM would cost tens of milliseconds.
    return masked.toString();
  }
}
