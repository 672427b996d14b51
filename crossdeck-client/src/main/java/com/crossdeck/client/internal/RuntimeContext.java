package com.crossdeck.client.internal;

import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The facts about this process that ride on every event as its {@code context} object (contract
 * §f): operating system, Java runtime, locale, time zone, hosting platform, service and app
 * version. Detected once per client, on first use (the sender thread's start, or a diagnostics
 * read), and serialized once.
 *
 * @param os {@code linux}, {@code darwin}, {@code win32} or the lower-cased OS name
 * @param osVersion the kernel or OS version
 * @param javaVersion the Java runtime version
 * @param locale the default locale as a BCP 47 tag
 * @param timezone the default time-zone id
 * @param host the hosting platform, {@code jvm} when none was recognised
 * @param region the platform's region, or {@code null}
 * @param serviceName the service name (option, else detected), or {@code null}
 * @param serviceVersion the service version (option, else detected), or {@code null}
 * @param appVersion the application version option, or {@code null}
 */
public record RuntimeContext(
    String os,
    String osVersion,
    String javaVersion,
    String locale,
    String timezone,
    String host,
    String region,
    String serviceName,
    String serviceVersion,
    String appVersion) {

  /**
   * Detects the runtime.
   *
   * @param env environment variables, normally {@link System#getenv()}
   * @param serviceName the builder's service name, or {@code null} to detect it
   * @param serviceVersion the builder's service version, or {@code null} to detect it
   * @param appVersion the builder's app version, or {@code null}
   */
  public static RuntimeContext detect(
      Map<String, String> env, String serviceName, String serviceVersion, String appVersion) {
    HostDetector.Host host = HostDetector.detect(env);
    return new RuntimeContext(
        osName(System.getProperty("os.name", "unknown")),
        System.getProperty("os.version", "unknown"),
        Runtime.version().toString(),
        Locale.getDefault().toLanguageTag(),
        TimeZone.getDefault().getID(),
        host.id(),
        host.region(),
        serviceName != null ? serviceName : host.serviceName(),
        serviceVersion != null ? serviceVersion : host.serviceVersion(),
        appVersion);
  }

  /**
   * Whether the host is a serverless platform, whose instances start cold and keep no memory
   * between them: the reference SDK's list (extended contract §2.7).
   */
  public boolean isServerless() {
    return switch (host) {
      case "aws-lambda",
          "azure-functions",
          "google-app-engine",
          "firebase-functions-v1",
          "firebase-functions-v2",
          "cloud-run",
          "vercel",
          "netlify" ->
          true;
      default -> false;
    };
  }

  /** Uses the platform names the other Crossdeck SDKs send, so timelines read the same. */
  public static String osName(String javaOsName) {
    String lower = javaOsName.toLowerCase(Locale.ROOT);
    if (lower.startsWith("linux")) {
      return "linux";
    } else if (lower.startsWith("mac")) {
      return "darwin";
    } else if (lower.startsWith("windows")) {
      return "win32";
    }
    return lower;
  }
}
