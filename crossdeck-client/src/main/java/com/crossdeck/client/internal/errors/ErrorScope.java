package com.crossdeck.client.internal.errors;

import com.crossdeck.client.internal.encoding.PropertyMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process-wide tags and named context blocks every captured error carries (extended contract
 * §6.7), held as immutable maps swapped on every change: a capture reads them without a lock, and
 * changes are serialized among themselves. Thread-safe.
 */
public final class ErrorScope {

  private volatile Map<String, String> tags = Map.of();
  private volatile Map<String, Object> contexts = Map.of();

  /** Sets one tag; a {@code null} value removes it. */
  public synchronized void setTag(String key, String value) {
    if (key == null) {
      return;
    }
    Map<String, String> next = new LinkedHashMap<>(tags);
    if (value == null) {
      next.remove(key);
    } else {
      next.put(key, value);
    }
    tags = Collections.unmodifiableMap(next);
  }

  /** Merges {@code more} into the tags (a {@code null} value removes its key). */
  public synchronized void setTags(Map<String, String> more) {
    if (more == null || more.isEmpty()) {
      return;
    }
    Map<String, String> next = new LinkedHashMap<>(tags);
    more.forEach(
        (key, value) -> {
          if (key != null && value == null) {
            next.remove(key);
          } else if (key != null) {
            next.put(key, value);
          }
        });
    tags = Collections.unmodifiableMap(next);
  }

  /** Replaces the context block {@code name}; {@code null} data removes it. */
  public synchronized void setContext(String name, Map<String, ?> data) {
    if (name == null) {
      return;
    }
    Map<String, Object> next = new LinkedHashMap<>(contexts);
    if (data == null) {
      next.remove(name);
    } else {
      next.put(name, PropertyMap.copyOf(data));
    }
    contexts = Collections.unmodifiableMap(next);
  }

  /** The tags; unmodifiable. */
  public Map<String, String> tags() {
    return tags;
  }

  /** The context blocks by name; unmodifiable. */
  public Map<String, Object> contexts() {
    return contexts;
  }
}
