package com.crossdeck.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Crossdeck cannot start with the application's configuration. Its action names the property to
 * fix; {@link CrossdeckConfigurationFailureAnalyzer} turns it into Spring Boot's startup failure
 * report.
 */
final class CrossdeckConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String description;
  private final String action;

  CrossdeckConfigurationException(String description, String action, @Nullable Throwable cause) {
    super(description + " " + action, cause);
    this.description = description;
    this.action = action;
  }

  /** What is wrong. */
  String description() {
    return description;
  }

  /** What to do about it. */
  String action() {
    return action;
  }
}
