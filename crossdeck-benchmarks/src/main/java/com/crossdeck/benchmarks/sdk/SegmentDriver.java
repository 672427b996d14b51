package com.crossdeck.benchmarks.sdk;

import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import com.segment.analytics.Analytics;
import com.segment.analytics.messages.TrackMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Segment analytics-java at its defaults (250-message batches, 10 s flush interval, unbounded
 * queue), with one addition it cannot run without on Java 17: a Gson adapter for {@link Instant}.
 * Without it Gson's reflection on {@code java.time} fails on every event (segmentio/analytics-java
 * #396); the adapter writes the ISO-8601 string the other SDKs send.
 */
final class SegmentDriver implements Driver {

  private final Analytics analytics;

  SegmentDriver(String serverRoot) {
    this.analytics =
        Analytics.builder("benchmark-write-key")
            .endpoint(serverRoot)
            .gsonBuilder(new GsonBuilder().registerTypeAdapter(Instant.class, new InstantAdapter()))
            .build();
  }

  @Override
  public boolean track(int orderNumber) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(TypicalEvent.PLAN, TypicalEvent.PLAN_VALUE);
    properties.put(TypicalEvent.ORDER_NUMBER, orderNumber);
    properties.put(TypicalEvent.AMOUNT, TypicalEvent.AMOUNT_VALUE);
    properties.put(TypicalEvent.TRIAL, TypicalEvent.trial(orderNumber));
    properties.put(TypicalEvent.RENEWS_AT, TypicalEvent.RENEWS_AT_VALUE);
    try {
      analytics.enqueue(
          TrackMessage.builder(TypicalEvent.NAME)
              .userId(TypicalEvent.userId(orderNumber))
              .properties(properties));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Segment's {@code flush()} only asks the looper to send; it returns at once. */
  @Override
  public void flush() {
    analytics.flush();
  }

  /** {@code flush()} then {@code shutdown()}, which waits for the network thread (up to 75 s). */
  @Override
  public void close() {
    analytics.flush();
    analytics.shutdown();
  }

  private static final class InstantAdapter extends TypeAdapter<Instant> {
    @Override
    public void write(JsonWriter out, Instant value) throws IOException {
      out.value(value == null ? null : value.toString());
    }

    @Override
    public Instant read(JsonReader in) throws IOException {
      return Instant.parse(in.nextString());
    }
  }
}
