package com.crossdeck.quickstart;

import java.nio.file.Path;

/** What the build tells the integration test, as system properties set in the module's POM. */
final class QuickStartEnvironment {

  private QuickStartEnvironment() {}

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          property + " is not set; run the test with Maven (mvn verify), which sets it");
    }
    return value;
  }

  static Path path(String property) {
    return Path.of(required(property)).toAbsolutePath().normalize();
  }
}
