package com.crossdeck.client.internal;

import com.crossdeck.client.DropReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The client's counters and delivery state. Counters are {@link LongAdder}s so callers on many
 * threads never contend; state fields are written only by the sender thread and read by anyone.
 */
public final class DeliveryStats {

  private final LongAdder queued = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder batchesSent = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder truncatedEvents = new LongAdder();
  private final LongAdder droppedPropertyValues = new LongAdder();
  private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);
  private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

  volatile long lastFlushAtMillis;
  volatile String lastError;
  volatile int consecutiveFailures;
  volatile long nextRetryAtMillis;
  volatile int inFlight;
  volatile boolean parked;
  volatile String parkedMinVersion;
  volatile boolean keyRejected;

  /** Creates zeroed counters. */
  public DeliveryStats() {
    for (DropReason reason : DropReason.values()) {
      dropped.put(reason, new LongAdder());
    }
  }

  void recordQueued() {
    queued.increment();
  }

  void recordSent(int events) {
    sent.add(events);
    batchesSent.increment();
  }

  void recordRetry() {
    retries.increment();
  }

  void recordDropped(DropReason reason, long count) {
    dropped.get(reason).add(count);
  }

  void recordRejected(String code) {
    rejected.computeIfAbsent(code, ignored -> new LongAdder()).increment();
  }

  void recordEncoding(boolean truncated, int droppedKeys) {
    if (truncated) {
      truncatedEvents.increment();
    }
    if (droppedKeys > 0) {
      droppedPropertyValues.add(droppedKeys);
    }
  }

  /** Marks the key as rejected by the server (HTTP 401), for health reporting. */
  public void recordKeyRejected() {
    keyRejected = true;
  }

  /** Events accepted by {@code track()}. */
  public long queued() {
    return queued.sum();
  }

  /** Events delivered. */
  public long sent() {
    return sent.sum();
  }

  /** Batches delivered. */
  public long batchesSent() {
    return batchesSent.sum();
  }

  /** Failed attempts that were scheduled for a retry. */
  public long retries() {
    return retries.sum();
  }

  /** Events whose properties were cut to fit 8 KB. */
  public long truncatedEvents() {
    return truncatedEvents.sum();
  }

  /** Property values dropped because they could not be converted to JSON. */
  public long droppedPropertyValues() {
    return droppedPropertyValues.sum();
  }

  /** Events dropped for one reason. */
  public long dropped(DropReason reason) {
    return dropped.get(reason).sum();
  }

  /** Dropped events by reason, every reason present. */
  public Map<DropReason, Long> droppedByReason() {
    Map<DropReason, Long> snapshot = new EnumMap<>(DropReason.class);
    dropped.forEach((reason, count) -> snapshot.put(reason, count.sum()));
    return snapshot;
  }

  /** Events rejected by {@code track()} by error code, sorted by code. */
  public Map<String, Long> rejectedByCode() {
    Map<String, Long> snapshot = new TreeMap<>();
    rejected.forEach((code, count) -> snapshot.put(code, count.sum()));
    return snapshot;
  }

  /** Events rejected for one error code. */
  public long rejected(String code) {
    LongAdder count = rejected.get(code);
    return count == null ? 0 : count.sum();
  }

  /** Wall-clock time of the last delivered batch, 0 when none yet. */
  public long lastFlushAtMillis() {
    return lastFlushAtMillis;
  }

  /** The last delivery error's message, or {@code null} after a success. */
  public String lastError() {
    return lastError;
  }

  /** Failed attempts since the last success. */
  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  /** When the pending batch will be retried (wall clock), 0 when none is waiting. */
  public long nextRetryAtMillis() {
    return nextRetryAtMillis;
  }

  /** Events in the batch being sent or awaiting a retry. */
  public int inFlight() {
    return inFlight;
  }

  /** Whether the server refused this SDK version and sending stopped. */
  public boolean parked() {
    return parked;
  }

  /** The minimum version the server asked for when it parked the queue. */
  public String parkedMinVersion() {
    return parkedMinVersion;
  }

  /** Whether the server rejected the secret key. */
  public boolean keyRejected() {
    return keyRejected;
  }
}
