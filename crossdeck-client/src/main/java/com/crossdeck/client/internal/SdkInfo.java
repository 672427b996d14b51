package com.crossdeck.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * The SDK's name and version, as sent in headers, the batch envelope and the event context. The
 * version is read from the jar the first time it is needed, which is on the sender thread rather
 * than in {@code build()}.
 */
public final class SdkInfo {

  /** The SDK name on the wire. */
  public static final String NAME = "crossdeck-java";

  /** The Crossdeck API version this SDK speaks. */
  public static final String API_VERSION = "2025-01-01";

  private SdkInfo() {}

  /** The version from the build, or {@code unknown} when run from unpackaged classes. */
  public static String version() {
    return Version.VALUE;
  }

  /** {@code crossdeck-java/<version> java/<runtime version> <os>}. */
  public static String userAgent() {
    return NAME
        + '/'
        + version()
        + " java/"
        + Runtime.version()
        + ' '
        + System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  // The holder idiom: the JVM reads the resource once, on first use, thread-safely.
  private static final class Version {
    static final String VALUE = read();

    private static String read() {
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
}
