package com.crossdeck.benchmarks.jmh;

import com.crossdeck.benchmarks.sdk.Driver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The hot path: build the typical event and hand it to the SDK, at 1 and 2 calling threads, while
 * the SDK delivers to the raw sink in the background (the sink runs in the JMH host JVM, so its
 * work is not counted in this JVM's allocation).
 */
public class TrackBenchmark {

  /** One SDK client shared by all benchmark threads, as an application shares it. */
  @State(Scope.Benchmark)
  public static class Client {

    /** The SDK under test. */
    @Param({"crossdeck", "crossdeck_jdk", "segment", "posthog", "mixpanel"})
    public String sdk;

    Driver driver;

    /** Starts the SDK against the raw sink. */
    @Setup(Level.Trial)
    public void start() {
      driver = Clients.start(sdk, Clients.SINK);
    }

    /** Closes it without waiting for a backlog. */
    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
      Clients.abandon(driver);
    }
  }

  /** {@code track()} from one thread. */
  @Benchmark
  @Threads(1)
  public boolean oneThread(Client client, Sequence sequence) {
    return client.driver.track(sequence.next());
  }

  /** {@code track()} from two threads at once. */
  @Benchmark
  @Threads(2)
  public boolean twoThreads(Client client, Sequence sequence) {
    return client.driver.track(sequence.next());
  }
}
