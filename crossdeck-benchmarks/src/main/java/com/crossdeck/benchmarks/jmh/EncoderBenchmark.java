package com.crossdeck.benchmarks.jmh;

import com.crossdeck.benchmarks.sdk.CrossdeckDriver;
import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHint;
import com.crossdeck.client.internal.encoding.EventEncoder;
import com.crossdeck.client.internal.enrichment.Enrichment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The parts of Crossdeck's {@code track()} alone, on one thread, to show where its time goes:
 * building the typical {@link Event}, and serializing it with the client's {@link EventEncoder}
 * (the encoder is internal, but public, so it can be measured directly).
 */
@State(Scope.Thread)
@Threads(1)
public class EncoderBenchmark {

  private static final String EVENT_ID = "evt_mk3n2c0a8q1w2e3r4t5y6u7i";

  private EventEncoder.Encoding encoding;
  private Event event;
  private long timestamp;
  private int sequence;

  /** Builds one event and the calling thread's encoder. */
  @Setup
  public void setUp() {
    encoding = new EventEncoder().forCurrentThread();
    event = CrossdeckDriver.event(42);
    timestamp = System.currentTimeMillis();
  }

  /** Building the typical event, as an application does before {@code track()}. */
  @Benchmark
  public Event buildEvent() {
    return CrossdeckDriver.event(sequence++);
  }

  /** Serializing a built event into the bytes that are queued. */
  @Benchmark
  public byte[] encode() {
    return encoding.encodeForQueue(
        event,
        IdentityHint.Kind.DEVELOPER_USER_ID,
        event.developerUserId(),
        EVENT_ID,
        timestamp,
        sequence++,
        Enrichment.NONE);
  }
}
