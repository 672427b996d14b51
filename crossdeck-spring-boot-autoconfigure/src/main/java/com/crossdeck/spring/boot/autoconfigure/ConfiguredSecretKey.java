package com.crossdeck.spring.boot.autoconfigure;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What {@code crossdeck.secret-key} holds, read only to decide whether a key was configured at all.
 *
 * <p>{@code secret-key: ${CROSSDECK_SECRET_KEY}} with the variable unset leaves the placeholder
 * itself as the value (Spring Boot keeps placeholders it cannot resolve), so a value that is one
 * whole placeholder counts as no key, like a missing or blank one: the application then uses the
 * embedded emulator, or fails to start naming the property. A placeholder inside a longer value is
 * a broken key, refused at startup rather than sent to Crossdeck. The value is never repeated in a
 * message unless it is a whole placeholder, which holds a name and no secret.
 */
final class ConfiguredSecretKey {

  /** The property. */
  static final String PROPERTY = CrossdeckProperties.PREFIX + ".secret-key";

  private static final Pattern WHOLE_PLACEHOLDER = Pattern.compile("\\$\\{.+}");

  private final @Nullable String value;

  private ConfiguredSecretKey(@Nullable String value) {
    this.value = value == null ? null : value.strip();
  }

  /** The configured value, as bound. */
  static ConfiguredSecretKey of(@Nullable String value) {
    return new ConfiguredSecretKey(value);
  }

  /** Whether no key was configured: unset, blank, or a placeholder nothing resolved. */
  boolean isAbsent() {
    return value == null || value.isEmpty() || WHOLE_PLACEHOLDER.matcher(value).matches();
  }

  /** Whether part of the value is a placeholder nothing resolved. */
  boolean hasUnresolvedPlaceholder() {
    return value != null && value.contains("${");
  }

  /** Why no key is configured, as the start of a sentence; only when {@link #isAbsent()}. */
  String absence() {
    if (value == null) {
      return "No " + PROPERTY + " is set";
    }
    if (value.isEmpty()) {
      return PROPERTY + " is blank";
    }
    return PROPERTY
        + " is "
        + value
        + ", a placeholder nothing resolved (no environment variable or property of that name is"
        + " set)";
  }
}
