package com.crossdeck.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/** The SDK's name and version, as sent in headers, the batch envelope and the event context. */
public final class SdkInfo {

  /** The SDK name on the wire. */
  public static final String NAME = "crossdeck-java";

  /** The Crossdeck API version this SDK speaks. */
  public static final String API_VERSION = "2025-01-01";

  /** The version from the build, or {@code unknown} when run from unpackaged classes. */
  public static final String VERSION = readVersion();

  private SdkInfo() {}

  /** {@code crossdeck-java/<version> java/<runtime version> <os>}. */
  public static String userAgent() {
    return NAME
        + '/'
        + VERSION
        + " java/"
        + Runtime.version()
        + ' '
        + System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  private static String readVersion() {
    try (InputStream in = SdkInfo.class.getResourceAsStream("sdk-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
