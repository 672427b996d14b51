package com.crossdeck.client.internal.errors;

import com.crossdeck.client.StackFrame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an error event says about a {@link Throwable}, in the reference SDK's shape (extended
 * contract §6.3–§6.6): its type, its message, its stack as text and as frames, and its causes,
 * bounded so that the event fits the 8 KB property budget with room for tags, context and
 * breadcrumbs. Immutable and thread-safe.
 *
 * @param errorType the binary class name of the throwable, for example {@code
 *     java.lang.IllegalStateException}
 * @param message the throwable's message, at most {@value #MAX_MESSAGE_LENGTH} characters; its type
 *     when it has no message
 * @param stack the stack trace as {@link Throwable#printStackTrace()} prints its first lines, at
 *     most {@value #MAX_STACK_LENGTH} characters
 * @param frames the top {@value #MAX_FRAMES} frames, innermost first
 * @param causes the first {@value #MAX_CAUSES} causes, outermost first, each as {@code {name,
 *     message}}: the reference SDK's {@code context.__error_extras.cause}
 */
public record ErrorReport(
    String errorType,
    String message,
    String stack,
    List<StackFrame> frames,
    List<Map<String, Object>> causes) {

  /** The longest message kept, in UTF-16 characters, ellipsis included (contract §6.4). */
  public static final int MAX_MESSAGE_LENGTH = 1024;

  /** The longest stack text kept, as the reference SDK's sanitiser cuts it (contract §6.3). */
  public static final int MAX_STACK_LENGTH = 1024;

  /** The longest cause message kept: causes are context, the top-level message is the headline. */
  public static final int MAX_CAUSE_MESSAGE_LENGTH = 256;

  /**
   * How many frames are kept, from the top: the throw site and its nearest callers. Twenty frames
   * take about 3 KB, which leaves the 8 KB budget room for the rest of the report.
   */
  public static final int MAX_FRAMES = 20;

  /** How many causes are kept, as in the reference SDK. */
  public static final int MAX_CAUSES = 5;

  private static final String ELLIPSIS = "…";

  /** Copies the lists. */
  public ErrorReport {
    frames = List.copyOf(frames);
    causes = List.copyOf(causes);
  }

  /**
   * Summarizes {@code error}.
   *
   * @param error the throwable to report
   * @param classifier decides which frames are the application's
   * @return the bounded summary
   */
  public static ErrorReport of(Throwable error, InAppClassifier classifier) {
    StackTraceElement[] stack = error.getStackTrace();
    List<StackFrame> frames = new ArrayList<>(Math.min(stack.length, MAX_FRAMES));
    for (int i = 0; i < stack.length && i < MAX_FRAMES; i++) {
      frames.add(frame(stack[i], classifier));
    }
    return new ErrorReport(
        error.getClass().getName(),
        messageOf(error, MAX_MESSAGE_LENGTH),
        stackText(error, stack),
        frames,
        causesOf(error));
  }

  /** One frame: {@code function} is the class and method, the column is unknown in Java. */
  static StackFrame frame(StackTraceElement element, InAppClassifier classifier) {
    return new StackFrame(
        element.getClassName() + '.' + element.getMethodName(),
        element.getFileName(),
        element.getLineNumber(),
        0,
        classifier.isInApp(element.getClassName()),
        "at " + element);
  }

  /** {@code Type: message} and the frames' lines, as Java prints them, cut to the limit. */
  private static String stackText(Throwable error, StackTraceElement[] stack) {
    StringBuilder text = new StringBuilder(String.valueOf(error));
    for (int i = 0; i < stack.length && text.length() <= MAX_STACK_LENGTH; i++) {
      text.append("\n\tat ").append(stack[i]);
    }
    return truncate(text.toString(), MAX_STACK_LENGTH);
  }

  private static List<Map<String, Object>> causesOf(Throwable error) {
    // Throwable only prevents a throwable from being its own cause; longer cycles (a -> b -> a)
    // are possible, so the walk remembers what it has seen.
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(error);
    List<Map<String, Object>> causes = new ArrayList<>();
    for (Throwable cause = error.getCause();
        cause != null && causes.size() < MAX_CAUSES && seen.add(cause);
        cause = cause.getCause()) {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("name", cause.getClass().getName());
      summary.put("message", messageOf(cause, MAX_CAUSE_MESSAGE_LENGTH));
      causes.add(summary);
    }
    return causes;
  }

  private static String messageOf(Throwable error, int maxLength) {
    String message = error.getMessage();
    return truncate(message == null ? error.getClass().getName() : message, maxLength);
  }

  /** Cuts {@code text} to {@code maxLength} characters, the last one an ellipsis. */
  static String truncate(String text, int maxLength) {
    if (text.length() <= maxLength) {
      return text;
    }
    int end = maxLength - ELLIPSIS.length();
    // Cutting between the halves of a surrogate pair would leave invalid UTF-16, which JSON
    // encoders replace or reject.
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + ELLIPSIS;
  }
}
