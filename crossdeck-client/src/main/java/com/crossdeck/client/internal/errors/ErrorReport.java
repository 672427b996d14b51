package com.crossdeck.client.internal.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an {@code error.*} event says about a {@link Throwable}: its type, its message, its top
 * stack frames marked in-app or not, and a summary of its causes, bounded so that the event stays
 * within the 8 KB property budget (contract §c.2, §j.4).
 *
 * <p>Build one with {@link #of(Throwable, InAppClassifier)} and put {@link #toProperties()} into
 * the event's properties. Immutable and thread-safe.
 *
 * @param errorType the binary class name of the throwable, for example {@code
 *     java.lang.IllegalStateException}
 * @param message the throwable's message, at most {@value #MAX_MESSAGE_LENGTH} characters; its type
 *     when it has no message
 * @param frames the top {@value #MAX_FRAMES} frames, innermost first
 * @param framesOmitted how many frames below those were left out
 * @param causes the first {@value #MAX_CAUSES} causes, outermost first
 */
public record ErrorReport(
    String errorType, String message, List<Frame> frames, int framesOmitted, List<Cause> causes) {

  /** The longest message kept, in UTF-16 characters, ellipsis included (contract §j.4). */
  public static final int MAX_MESSAGE_LENGTH = 1024;

  /** The longest cause message kept: causes are context, the top-level message is the headline. */
  public static final int MAX_CAUSE_MESSAGE_LENGTH = 256;

  /** How many frames are kept, from the top: the throw site and its nearest callers. */
  public static final int MAX_FRAMES = 50;

  /** How many causes are kept, as in the reference SDK. */
  public static final int MAX_CAUSES = 5;

  private static final String ELLIPSIS = "…";

  /** Copies both lists. */
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
    List<Frame> frames = new ArrayList<>(Math.min(stack.length, MAX_FRAMES));
    for (int i = 0; i < stack.length && i < MAX_FRAMES; i++) {
      frames.add(Frame.of(stack[i], classifier));
    }
    return new ErrorReport(
        error.getClass().getName(),
        messageOf(error, MAX_MESSAGE_LENGTH),
        frames,
        stack.length - frames.size(),
        causesOf(error));
  }

  /**
   * The report as event properties: {@code errorType}, {@code message}, {@code frames}, {@code
   * framesOmitted} and {@code causes}, in that order.
   *
   * @return a new mutable map, so that the caller can add the fingerprint and context
   */
  public Map<String, Object> toProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("errorType", errorType);
    properties.put("message", message);
    properties.put("frames", frames.stream().map(Frame::toMap).toList());
    properties.put("framesOmitted", framesOmitted);
    properties.put("causes", causes.stream().map(Cause::toMap).toList());
    return properties;
  }

  private static List<Cause> causesOf(Throwable error) {
    // Throwable only prevents a throwable from being its own cause; longer cycles (a -> b -> a)
    // are possible, so the walk remembers what it has seen.
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(error);
    List<Cause> causes = new ArrayList<>();
    for (Throwable cause = error.getCause();
        cause != null && causes.size() < MAX_CAUSES && seen.add(cause);
        cause = cause.getCause()) {
      causes.add(new Cause(cause.getClass().getName(), messageOf(cause, MAX_CAUSE_MESSAGE_LENGTH)));
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

  /**
   * One stack frame.
   *
   * @param className the binary name of the frame's class
   * @param methodName the method's name
   * @param fileName the source file's name, or {@code null} when unknown
   * @param lineNumber the line number, or a negative number when unknown or native
   * @param inApp whether the frame is the application's own code
   */
  public record Frame(
      String className, String methodName, String fileName, int lineNumber, boolean inApp) {

    static Frame of(StackTraceElement element, InAppClassifier classifier) {
      return new Frame(
          element.getClassName(),
          element.getMethodName(),
          element.getFileName(),
          element.getLineNumber(),
          classifier.isInApp(element.getClassName()));
    }

    /**
     * The frame as {@code {class, method, file, line, inApp}}; {@code file} and {@code line} are
     * left out when unknown rather than sent as nulls.
     */
    public Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("class", className);
      map.put("method", methodName);
      if (fileName != null) {
        map.put("file", fileName);
      }
      if (lineNumber > 0) {
        map.put("line", lineNumber);
      }
      map.put("inApp", inApp);
      return map;
    }
  }

  /**
   * One link of the cause chain.
   *
   * @param errorType the binary class name of the cause
   * @param message its message, at most {@value ErrorReport#MAX_CAUSE_MESSAGE_LENGTH} characters;
   *     its type when it has no message
   */
  public record Cause(String errorType, String message) {

    /** The cause as {@code {errorType, message}}. */
    public Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("errorType", errorType);
      map.put("message", message);
      return map;
    }
  }
}
