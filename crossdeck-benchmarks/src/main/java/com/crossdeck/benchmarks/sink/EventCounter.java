package com.crossdeck.benchmarks.sink;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Counts the typical events in a Crossdeck ingest body, for targets other than the raw sink. */
public final class EventCounter {

  private EventCounter() {}

  /** The number of events (by {@code order_number}) in a Crossdeck JSON body. */
  public static int count(byte[] body) {
    try {
      return WireFormat.scan(body).length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
