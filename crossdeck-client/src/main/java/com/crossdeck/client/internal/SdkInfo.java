package com.crossdeck.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The SDK's name and version, as sent in headers, the batch envelope and the event context. The
 * version is read from the jar the first time it is needed, which is on the sender thread rather
 * than in {@code build()}.
 */
public final class SdkInfo {

  /**
   * The SDK name on the wire: the batch envelope's {@code sdk.name}, each event's {@code
   * context.sdkName}, and the first part of the {@code Crossdeck-Sdk-Version} and {@code
   * User-Agent} headers. Every official SDK names itself {@code @cross-deck/<platform>} (extended
   * contract §7.1), and server-side tooling parses that shape.
   */
  public static final String NAME = "@cross-deck/java";

  /** The Crossdeck API version this SDK speaks. */
  public static final String API_VERSION = "2025-01-01";

  private SdkInfo() {}

  /** The version from the build, or {@code unknown} when run from unpackaged classes. */
  public static String version() {
    return Version.VALUE;
  }

  /**
   * {@code <name>@<version>}, as in {@code @cross-deck/java@1.0.0}: the {@code
   * Crossdeck-Sdk-Version} header. The name starts with an {@code @}, so readers split on the last
   * one.
   */
  public static String versionHeader() {
    return NAME + '@' + version();
  }

  /**
   * {@code <name>/<version> java/<runtime version> <os>}, as in {@code @cross-deck/java/1.0.0
   * java/17.0.15+6 linux}: the shape of the reference SDK's {@code @cross-deck/node/<version>
   * node/<runtime> <platform>}, with the operating system named as in each event's context.
   */
  public static String userAgent() {
    return NAME
        + '/'
        + version()
        + " java/"
        + Runtime.version()
        + ' '
        + RuntimeContext.osName(System.getProperty("os.name", "unknown")).replace(' ', '-');
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
