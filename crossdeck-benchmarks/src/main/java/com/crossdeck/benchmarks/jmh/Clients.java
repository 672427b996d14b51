package com.crossdeck.benchmarks.jmh;

import com.crossdeck.benchmarks.sdk.Driver;
import com.crossdeck.benchmarks.sdk.Sdk;

/** Starting and abandoning SDKs inside JMH forks; the servers run in the JMH host JVM. */
final class Clients {

  /** System property with the raw sink's root, set on every fork by {@link HotPath}. */
  static final String SINK = "crossdeck.bench.sink";

  /** System property with the black hole's root, set on every fork by {@link HotPath}. */
  static final String BLACK_HOLE = "crossdeck.bench.blackhole";

  private Clients() {}

  /** Starts {@code sdk} against the server named by the system property {@code server}. */
  static Driver start(String sdk, String server) {
    String root = System.getProperty(server);
    if (root == null) {
      throw new IllegalStateException(
          "-D" + server + " is not set; run the benchmarks through HotPath (the 'hot' command)");
    }
    return Sdk.of(sdk).start(root);
  }

  /**
   * Closes the SDK on a daemon thread and waits at most 2 s: after a measurement some peers hold a
   * backlog of millions of events that would take minutes to drain, which is not what is measured.
   */
  static void abandon(Driver driver) throws InterruptedException {
    Thread closer = new Thread(driver::close, "benchmark-close");
    closer.setDaemon(true);
    closer.start();
    closer.join(2_000);
  }
}
