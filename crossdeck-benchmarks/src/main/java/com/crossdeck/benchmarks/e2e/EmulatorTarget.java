package com.crossdeck.benchmarks.e2e;

import com.crossdeck.benchmarks.sdk.TypicalEvent;
import com.crossdeck.benchmarks.sink.EventCounter;
import com.crossdeck.benchmarks.sink.SinkStats;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.RecordedRequest;
import com.crossdeck.emulator.StoredEvent;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A fresh Crossdeck emulator for one run of {@code crossdeck-client}, with its contract-faithful
 * idempotency, deduplication, rate limiting and fault injection. "Stored" is what the emulator
 * stored after deduplicating; every count comes from its own records.
 */
final class EmulatorTarget implements Target {

  private static final String INGEST = "/v1/events";

  private final CrossdeckEmulator emulator;
  private final int eventsPerSecond;
  private final long expectedEvents;

  /**
   * @param eventsPerSecond the rate limit (burst twice that, the emulator's default shape), or 0
   *     for none
   * @param expectedEvents the distinct events that make delivery complete
   * @param faults arms faults before the SDK starts
   */
  EmulatorTarget(int eventsPerSecond, long expectedEvents, Consumer<CrossdeckEmulator> faults) {
    CrossdeckEmulator.Builder builder = CrossdeckEmulator.builder().port(0);
    if (eventsPerSecond > 0) {
      builder.rateLimit(eventsPerSecond, 2 * eventsPerSecond);
    } else {
      builder.disableRateLimit();
    }
    this.emulator = builder.build().start();
    this.eventsPerSecond = eventsPerSecond;
    this.expectedEvents = expectedEvents;
    faults.accept(emulator);
  }

  @Override
  public String serverRoot() {
    String base = emulator.baseUrl();
    return base.substring(0, base.length() - "/v1".length());
  }

  @Override
  public String startUrl() {
    return null;
  }

  @Override
  public boolean awaitStored(long count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (emulator.storedEventCount() < count) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  @Override
  public void awaitQuiet() throws InterruptedException {
    long last = -1;
    for (int i = 0; i < 500 && emulator.storedEventCount() != last; i++) {
      last = emulator.storedEventCount();
      Thread.sleep(200);
    }
  }

  /**
   * Counts from the emulator's request log and store. A request that followed a 429 is checked
   * against that 429's {@code Retry-After}: the emulator advertises {@code max(1, ceil(missing
   * tokens / rate))} seconds, so for a batch of n events at most {@code max(1, ceil(n / rate))};
   * the next request must arrive at least that long after the 429's request did (which is before
   * the 429 was sent, so the check is if anything lenient by the server's processing time, well
   * under a millisecond).
   */
  @Override
  public SinkStats stats(long startEpochMillis) {
    List<RecordedRequest> ingest =
        emulator.requests().stream().filter(r -> INGEST.equals(r.path())).toList();
    long received = 0;
    long unavailable = 0;
    long limited = 0;
    long dropped = 0;
    long checks = 0;
    long violations = 0;
    RecordedRequest previous = null;
    for (RecordedRequest request : ingest) {
      if (previous != null && previous.status() == 429) {
        checks++;
        long events = EventCounter.count(previous.body());
        long retryAfterMillis =
            1000 * Math.max(1, (events + eventsPerSecond - 1) / eventsPerSecond);
        if (Duration.between(previous.receivedAt(), request.receivedAt()).toMillis()
            < retryAfterMillis) {
          violations++;
        }
      }
      int status = request.status();
      if (status / 100 == 2) {
        received += EventCounter.count(request.body());
      }
      unavailable += status == 503 ? 1 : 0;
      limited += status == 429 ? 1 : 0;
      dropped += request.connectionDropped() ? 1 : 0;
      previous = request;
    }
    List<StoredEvent> stored = emulator.events();
    Set<Long> distinct = new HashSet<>();
    long lastMillis = -1;
    for (StoredEvent event : stored) {
      Object number = event.properties().get(TypicalEvent.ORDER_NUMBER);
      if (number instanceof Number n) {
        distinct.add(n.longValue());
      }
      lastMillis = Math.max(lastMillis, event.receivedAt().toEpochMilli() - startEpochMillis);
    }
    return new SinkStats(
        ingest.size(),
        received,
        distinct.size(),
        stored.size() - distinct.size(),
        unavailable,
        limited,
        dropped,
        checks,
        violations,
        distinct.size() >= expectedEvents ? lastMillis : -1,
        lastMillis);
  }

  @Override
  public void close() {
    emulator.close();
  }
}
