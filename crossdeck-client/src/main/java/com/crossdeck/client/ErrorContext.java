package com.crossdeck.client;

import com.crossdeck.client.internal.encoding.PropertyMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and to whom an error captured with {@link CrossdeckServer#captureError} happened.
 *
 * @param identity whose timeline the error belongs on; {@code null} uses the client's identity
 *     fallback and then the process's anonymous id ({@code anon_java_…})
 * @param level {@code error}, {@code warning} or {@code info}; {@code null} means {@code error}
 * @param tags short string labels sent at the top level of the event
 * @param context extra details, sent under the {@code context} property
 */
public record ErrorContext(
    IdentityHint identity, String level, Map<String, String> tags, Map<String, Object> context) {

  /** No identity, level {@code error}, no tags or context. */
  public static final ErrorContext NONE = new ErrorContext(null, null, Map.of(), Map.of());

  /** Defaults the level and copies the maps. */
  public ErrorContext {
    level = level == null || level.isBlank() ? "error" : level;
    tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    context = context == null ? PropertyMap.EMPTY : PropertyMap.copyOf(context);
  }

  /** An error on one person's timeline. */
  public static ErrorContext forIdentity(IdentityHint identity) {
    return new ErrorContext(identity, null, Map.of(), Map.of());
  }

  /** A copy with these tags. */
  public ErrorContext withTags(Map<String, String> tags) {
    return new ErrorContext(identity, level, tags, context);
  }

  /** A copy with this level. */
  public ErrorContext withLevel(String level) {
    return new ErrorContext(identity, level, tags, context);
  }

  /** A copy with these details. */
  public ErrorContext withContext(Map<String, Object> context) {
    return new ErrorContext(identity, level, tags, context);
  }
}
