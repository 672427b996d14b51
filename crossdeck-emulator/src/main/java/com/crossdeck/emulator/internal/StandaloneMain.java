package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.CrossdeckEmulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar crossdeck-emulator-<version>-standalone.jar --port 8787}: runs the emulator
 * until Ctrl-C and prints what a developer needs to point an SDK at it.
 */
public final class StandaloneMain {

  private StandaloneMain() {}

  /**
   * Starts the emulator and blocks until the JVM is asked to stop.
   *
   * @param args see {@code --help}
   */
  public static void main(String[] args) throws InterruptedException {
    configureConsoleLogging();
    StandaloneOptions options;
    try {
      options = StandaloneOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(StandaloneOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(StandaloneOptions.USAGE);
      return;
    }
    CrossdeckEmulator.Builder builder =
        CrossdeckEmulator.builder()
            .port(options.port())
            .allowedOrigins(options.allowedOrigins().toArray(String[]::new));
    RateLimit bucket = options.bucket();
    if (bucket.enabled()) {
      builder.rateLimit(bucket.eventsPerSecond(), bucket.burst());
    } else {
      builder.disableRateLimit();
    }
    CrossdeckEmulator emulator = builder.build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "crossdeck-emulator-shutdown"));
    System.out.println(banner(emulator, bucket, options.allowedOrigins()));
    // Every emulator thread is a daemon, so the main thread is what keeps the process alive.
    stopped.await();
  }

  /**
   * Short console log lines from the bundled slf4j-simple. Defaults only, so {@code -D} flags win;
   * set before the first logger exists, because slf4j-simple reads them once.
   */
  private static void configureConsoleLogging() {
    Map.of(
            "org.slf4j.simpleLogger.showThreadName", "false",
            "org.slf4j.simpleLogger.showShortLogName", "true",
            "org.slf4j.simpleLogger.showDateTime", "true",
            "org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS")
        .forEach(
            (name, value) -> {
              if (System.getProperty(name) == null) {
                System.setProperty(name, value);
              }
            });
  }

  static String banner(CrossdeckEmulator emulator, RateLimit bucket, List<String> origins) {
    String rate =
        bucket.enabled()
            ? bucket.eventsPerSecond() + " events/s per project, bursts of " + bucket.burst()
            : "off";
    return String.join(
        System.lineSeparator(),
        "Crossdeck emulator is running.",
        "  API base URL  " + emulator.baseUrl(),
        "  Timelines     " + emulator.timelineUrl(),
        "  Test key      " + CrossdeckEmulator.TEST_SECRET_KEY,
        "  Rate limit    " + rate,
        "  Web origins   "
            + (origins.isEmpty() ? "none (add with --allow-origin)" : String.join(", ", origins)),
        "Try:  curl -X POST "
            + emulator.baseUrl()
            + "/events -H 'Authorization: Bearer "
            + CrossdeckEmulator.TEST_SECRET_KEY
            + "' -d '{\"events\":[{\"name\":\"hello\",\"developerUserId\":\"user_1\"}]}'",
        "Press Ctrl-C to stop.");
  }
}
