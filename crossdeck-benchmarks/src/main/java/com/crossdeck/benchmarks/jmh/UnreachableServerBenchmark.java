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
 * {@code track()} while the server accepts connections and never answers (see {@link
 * com.crossdeck.benchmarks.sink.BlackHole}): whether the caller feels a hung backend.
 */
public class UnreachableServerBenchmark {

  /** One SDK client pointed at the black hole. */
  @State(Scope.Benchmark)
  public static class Client {

    /** The SDK under test. */
    @Param({"crossdeck", "crossdeck_jdk", "segment", "posthog", "mixpanel"})
    public String sdk;

    Driver driver;

    /** Starts the SDK against the black hole. */
    @Setup(Level.Trial)
    public void start() {
      driver = Clients.start(sdk, Clients.BLACK_HOLE);
    }

    /** Closes it without waiting. */
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
}
