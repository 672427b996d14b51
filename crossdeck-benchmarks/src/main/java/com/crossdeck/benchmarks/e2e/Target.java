package com.crossdeck.benchmarks.e2e;

import com.crossdeck.benchmarks.sink.SinkStats;
import java.time.Duration;

/** The server one run's SDK delivers to: the raw sink, or the Crossdeck emulator. */
interface Target extends AutoCloseable {

  /** {@code http://127.0.0.1:<port>}, handed to the SDK's driver. */
  String serverRoot();

  /** The URL the child calls to mark the start of the run, or {@code null} if there is none. */
  String startUrl();

  /** Waits until {@code count} distinct events are stored; whether they were within the timeout. */
  boolean awaitStored(long count, Duration timeout) throws InterruptedException;

  /** Waits until nothing new has arrived for a moment, so counts are final. */
  void awaitQuiet() throws InterruptedException;

  /**
   * What arrived.
   *
   * @param startEpochMillis the child's start, for targets that time from wall-clock records
   */
  SinkStats stats(long startEpochMillis);

  @Override
  void close();
}
