package com.crossdeck.client;

import com.crossdeck.client.internal.encoding.PropertyMap;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened before an error, kept in a small ring and sent with every captured
 * error's {@code breadcrumbs} (extended contract §6.7), as {@code {timestamp, category, level?,
 * message?, data?}}. Add one with {@link CrossdeckServer#addBreadcrumb(Breadcrumb)}. Immutable.
 *
 * @param timestamp when it happened; {@code null} means "when added"
 * @param category what kind of thing, for example {@code navigation}, {@code http}, {@code custom}
 * @param level {@code debug}, {@code info}, {@code warning} or {@code error}; or {@code null}
 * @param message a short description, or {@code null}
 * @param data details, converted to JSON like event properties; empty when none
 */
public record Breadcrumb(
    Instant timestamp, String category, String level, String message, Map<String, Object> data) {

  /** Requires a category and copies the data. */
  public Breadcrumb {
    Objects.requireNonNull(category, "category");
    data = data == null ? PropertyMap.EMPTY : PropertyMap.copyOf(data);
  }

  /** A breadcrumb of {@code category} with a message, timed when added. */
  public static Breadcrumb of(String category, String message) {
    return new Breadcrumb(null, category, null, message, Map.of());
  }

  /** A copy with this level. */
  public Breadcrumb withLevel(String level) {
    return new Breadcrumb(timestamp, category, level, message, data);
  }

  /** A copy with these details. */
  public Breadcrumb withData(Map<String, ?> data) {
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) data;
    return new Breadcrumb(timestamp, category, level, message, copy);
  }

  /** A copy with this time. */
  public Breadcrumb withTimestamp(Instant timestamp) {
    return new Breadcrumb(timestamp, category, level, message, data);
  }
}
