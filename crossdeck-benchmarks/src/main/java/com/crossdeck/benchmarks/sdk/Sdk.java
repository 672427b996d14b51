package com.crossdeck.benchmarks.sdk;

import java.util.Locale;
import java.util.function.Function;

/** The SDKs compared, each with the factory of its {@link Driver}. */
public enum Sdk {
  /** This repository's client, at its defaults (OkHttp, where it can run). */
  CROSSDECK("crossdeck-client 0.1.0-SNAPSHOT", CrossdeckDriver::new),
  /**
   * This repository's client over the JDK's HttpClient, its transport where OkHttp cannot run: to
   * compare the transports.
   */
  CROSSDECK_JDK(
      "crossdeck-client 0.1.0-SNAPSHOT over the JDK HttpClient",
      CrossdeckDriver::overJdkHttpClient),
  /** Segment analytics-java. */
  SEGMENT("Segment analytics-java 3.5.4", SegmentDriver::new),
  /** The legacy PostHog Java client. */
  POSTHOG("PostHog posthog 1.2.0", PostHogDriver::new),
  /** Mixpanel mixpanel-java, delivered synchronously on the caller's thread. */
  MIXPANEL("Mixpanel mixpanel-java 1.5.3 (sync)", MixpanelDriver::new);

  private final String label;
  private final Function<String, Driver> factory;

  Sdk(String label, Function<String, Driver> factory) {
    this.label = label;
    this.factory = factory;
  }

  /** The SDK's name and version, as shown in result tables. */
  public String label() {
    return label;
  }

  /** Whether this is this repository's client, whatever its transport. */
  public boolean isCrossdeck() {
    return this == CROSSDECK || this == CROSSDECK_JDK;
  }

  /** The lower-case name used on command lines and in JMH parameters. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()}. */
  public static Sdk of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /**
   * Starts the SDK against a server.
   *
   * @param serverRoot {@code http://127.0.0.1:<port>}; each driver appends the path its SDK wants
   */
  public Driver start(String serverRoot) {
    return factory.apply(serverRoot);
  }
}
