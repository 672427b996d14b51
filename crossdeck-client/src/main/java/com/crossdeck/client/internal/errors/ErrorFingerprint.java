package com.crossdeck.client.internal.errors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Groups errors by the site that raised them: 8 lower-case hex digits, the same for every error of
 * one type thrown from one place in the code, across calls, processes and deployments.
 *
 * <p>The key is the exception's class name and the class and method of its top three in-app frames
 * (or of its top three frames when none is in-app). Two inputs the reference SDK uses are left out
 * on purpose:
 *
 * <ul>
 *   <li>the message, because Java messages routinely carry ids and values ({@code "order 1234 not
 *       found"}), which would split one bug into a group per value;
 *   <li>line numbers, because any edit above the throw site would start a new group on the next
 *       deployment. The Crossdeck Android SDK groups without them for the same reason.
 * </ul>
 *
 * <p>The price is that two throws of the same type in the same method share a fingerprint. The
 * digits are the first 32 bits of a SHA-256, so they are evenly spread, as deterministic
 * per-fingerprint sampling needs. Stateless and thread-safe.
 */
public final class ErrorFingerprint {

  /** How many frames identify the site. */
  public static final int SITE_FRAMES = 3;

  // Lambdas, JDK proxies and reflection accessors get generated class names with a counter or an
  // address that changes from one run to the next; only the stable part identifies the site.
  private static final Pattern GENERATED_SUFFIX =
      Pattern.compile("(\\$\\$Lambda|\\$Proxy|GeneratedMethodAccessor)[^.]*$");

  private ErrorFingerprint() {}

  /**
   * The fingerprint of {@code error}.
   *
   * @param error the error to group
   * @param classifier decides which frames are the application's
   * @return 8 lower-case hexadecimal digits
   */
  public static String of(Throwable error, InAppClassifier classifier) {
    StringBuilder key = new StringBuilder(error.getClass().getName());
    for (StackTraceElement frame : siteFrames(error.getStackTrace(), classifier)) {
      String className = GENERATED_SUFFIX.matcher(frame.getClassName()).replaceFirst("$1");
      key.append('|').append(className).append('.').append(frame.getMethodName());
    }
    return HexFormat.of().formatHex(sha256(key.toString()), 0, 4);
  }

  private static List<StackTraceElement> siteFrames(
      StackTraceElement[] stack, InAppClassifier classifier) {
    List<StackTraceElement> inApp =
        Arrays.stream(stack)
            .filter(frame -> classifier.isInApp(frame.getClassName()))
            .limit(SITE_FRAMES)
            .toList();
    return inApp.isEmpty() ? Arrays.stream(stack).limit(SITE_FRAMES).toList() : inApp;
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE implementation is required to provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
