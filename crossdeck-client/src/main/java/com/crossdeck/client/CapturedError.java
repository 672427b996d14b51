package com.crossdeck.client;

import com.crossdeck.client.internal.encoding.PropertyMap;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error or message about to be sent, as an {@link ErrorBeforeSendHook} sees it. Its fields
 * become the event: {@link #kind()} its name ({@code error.handled} for {@link
 * CrossdeckServer#captureError}, {@code error.message} for {@link CrossdeckServer#captureMessage}),
 * the others its properties, in the reference SDK's shape (extended contract §6.2–§6.3). Change it
 * with the {@code with…} methods. Immutable.
 *
 * @param kind the event name, {@code error.handled} or {@code error.message}
 * @param level {@code error}, {@code warning} or {@code info}
 * @param errorType the throwable's class name, for example {@code java.lang.IllegalStateException};
 *     {@code null} for a message
 * @param message the error's message (at most 1,024 characters) or the captured message
 * @param stack the stack trace as Java prints it, at most 1,024 characters; {@code null} for a
 *     message
 * @param frames the top stack frames, innermost first; empty for a message
 * @param fingerprint 8 lower-case hex digits that group errors of one site; see the client README
 * @param tags the process's tags merged with the capture's own
 * @param context the process's named context blocks, {@code __error_extras} (the causes) and the
 *     capture's own context
 * @param breadcrumbs what happened before, oldest first
 * @param timestamp when the error was captured
 */
public record CapturedError(
    String kind,
    String level,
    String errorType,
    String message,
    String stack,
    List<StackFrame> frames,
    String fingerprint,
    Map<String, String> tags,
    Map<String, Object> context,
    List<Breadcrumb> breadcrumbs,
    Instant timestamp) {

  /** Requires a kind, a fingerprint and a time; copies the collections. */
  public CapturedError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(timestamp, "timestamp");
    level = level == null || level.isBlank() ? "error" : level;
    message = message == null ? "" : message;
    frames = frames == null ? List.of() : List.copyOf(frames);
    tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    context = context == null ? PropertyMap.EMPTY : PropertyMap.copyOf(context);
    breadcrumbs = breadcrumbs == null ? List.of() : List.copyOf(breadcrumbs);
  }

  /** A copy with this message, for example with personal data removed. */
  public CapturedError withMessage(String message) {
    return new CapturedError(
        kind,
        level,
        errorType,
        message,
        stack,
        frames,
        fingerprint,
        tags,
        context,
        breadcrumbs,
        timestamp);
  }

  /** A copy with this stack text ({@code null} leaves it out). */
  public CapturedError withStack(String stack) {
    return new CapturedError(
        kind,
        level,
        errorType,
        message,
        stack,
        frames,
        fingerprint,
        tags,
        context,
        breadcrumbs,
        timestamp);
  }

  /** A copy with these frames. */
  public CapturedError withFrames(List<StackFrame> frames) {
    return new CapturedError(
        kind,
        level,
        errorType,
        message,
        stack,
        frames,
        fingerprint,
        tags,
        context,
        breadcrumbs,
        timestamp);
  }

  /** A copy with this level. */
  public CapturedError withLevel(String level) {
    return new CapturedError(
        kind,
        level,
        errorType,
        message,
        stack,
        frames,
        fingerprint,
        tags,
        context,
        breadcrumbs,
        timestamp);
  }

  /** A copy with this fingerprint, to group errors your own way. */
  public CapturedError withFingerprint(String fingerprint) {
    return new CapturedError(
        kind,
        level,
        errorType,
        message,
        stack,
        frames,
        fingerprint,
        tags,
        context,
        breadcrumbs,
        timestamp);
  }

  /** A copy with these tags. */
  public CapturedError withTags(Map<String, String> tags) {
    return new CapturedError(
        kind,
        level,
        errorType,
        message,
        stack,
        frames,
        fingerprint,
        tags,
        context,
        breadcrumbs,
        timestamp);
  }

  /** A copy with this context. */
  public CapturedError withContext(Map<String, Object> context) {
    return new CapturedError(
        kind,
        level,
        errorType,
        message,
        stack,
        frames,
        fingerprint,
        tags,
        context,
        breadcrumbs,
        timestamp);
  }

  /** A copy with these breadcrumbs. */
  public CapturedError withBreadcrumbs(List<Breadcrumb> breadcrumbs) {
    return new CapturedError(
        kind,
        level,
        errorType,
        message,
        stack,
        frames,
        fingerprint,
        tags,
        context,
        breadcrumbs,
        timestamp);
  }
}
