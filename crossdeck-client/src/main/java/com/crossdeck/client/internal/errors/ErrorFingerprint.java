package com.crossdeck.client.internal.errors;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Groups errors by the site that raised them: 8 lower-case hex digits, the reference SDK's djb2
 * hash (extended contract §6.5) of a grouping key.
 *
 * <p>For a message ({@code captureMessage}) the key is exactly the reference SDK's: the message's
 * first {@value #MESSAGE_CHARS} UTF-16 characters, so the same message groups the same way from a
 * Java service as from a Node one. For a {@link Throwable} the key is its class name and the class
 * and method of its top {@value #SITE_FRAMES} in-app frames (or of its top frames when none is
 * in-app), joined by {@code |}. Two inputs the reference SDK uses for thrown errors are left out on
 * purpose:
 *
 * <ul>
 *   <li>the message, because Java messages routinely carry ids and values ({@code "order 1234 not
 *       found"}), which would split one bug into a group per value;
 *   <li>line numbers, because any edit above the throw site would start a new group on the next
 *       deployment. The Crossdeck Android SDK groups without them for the same reason.
 * </ul>
 *
 * <p>The price is that two throws of the same type in the same method share a fingerprint.
 * Stateless and thread-safe.
 */
public final class ErrorFingerprint {

  /** How many frames identify the site. */
  public static final int SITE_FRAMES = 3;

  /** How much of a message identifies it, as in the reference SDK. */
  public static final int MESSAGE_CHARS = 200;

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
    return djb2(key.toString());
  }

  /** The fingerprint of a captured message: the reference SDK's, for the same message. */
  public static String ofMessage(String message) {
    return djb2(message.length() > MESSAGE_CHARS ? message.substring(0, MESSAGE_CHARS) : message);
  }

  /**
   * The reference SDK's hash: djb2 over UTF-16 code units ({@code h = h * 33 + c} from 5381, in
   * 32-bit arithmetic), printed unsigned as 8 lower-case hex digits.
   */
  static String djb2(String input) {
    int hash = 5381;
    for (int i = 0; i < input.length(); i++) {
      hash = (hash << 5) + hash + input.charAt(i);
    }
    String hex = Integer.toHexString(hash);
    return "00000000".substring(hex.length()) + hex;
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
}
