package com.crossdeck.client.internal.delivery;

import com.crossdeck.client.DropReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The client's counters and delivery state, changed only through methods that say what happened.
 *
 * <p>Every event {@code track()} accepts ends in exactly one of three places, so that {@code
 * accepted = sent + dropped (every reason) + held (queued or in flight)} at every quiescent point
 * and after {@code close()}: the queue counts an event as accepted before any other thread can see
 * it, and a delivery or a drop is counted when it happens. Counters are {@link LongAdder}s so
 * callers on many threads never contend; state fields are written by the sender thread (and the
 * heartbeat) and read by anyone.
 */
public final class DeliveryStats {

  private final LongAdder accepted = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder batchesSent = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder truncatedEvents = new LongAdder();
  private final LongAdder droppedPropertyValues = new LongAdder();
  private final LongAdder listenerFailures = new LongAdder();
  private final LongAdder senderErrors = new LongAdder();
  private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);
  private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

  private volatile long lastFlushAtMillis;
  private volatile String lastError;
  private volatile int consecutiveFailures;
  private volatile long nextRetryAtMillis;
  private volatile int inFlight;
  private volatile boolean parked;
  private volatile String parkedMinVersion;
  private volatile boolean keyRejected;
  private volatile String failure;

  /** Creates zeroed counters. */
  public DeliveryStats() {
    for (DropReason reason : DropReason.values()) {
      dropped.put(reason, new LongAdder());
    }
  }

  void recordAccepted() {
    accepted.increment();
  }

  /**
   * Events a durable queue (the outbox) now holds: counted when they are safely in it, which for
   * events written in the application's transaction is when that transaction committed.
   */
  public void recordAccepted(long events) {
    accepted.add(events);
  }

  /**
   * A batch was delivered: clears the failure state.
   *
   * @return how many attempts had failed in a row before this success
   */
  int recordDelivered(int events, long atMillis) {
    sent.add(events);
    batchesSent.increment();
    lastFlushAtMillis = atMillis;
    lastError = null;
    nextRetryAtMillis = 0;
    int failuresBefore = consecutiveFailures;
    consecutiveFailures = 0;
    return failuresBefore;
  }

  /**
   * An attempt failed and will be retried.
   *
   * @return the attempt's number among consecutive failures, from 1
   */
  int recordRetryScheduled(String error, long retryAtMillis) {
    retries.increment();
    lastError = error;
    nextRetryAtMillis = retryAtMillis;
    consecutiveFailures++;
    return consecutiveFailures;
  }

  /** Accepted events were dropped for {@code reason}. */
  public void recordDropped(DropReason reason, long count) {
    dropped.get(reason).add(count);
  }

  /**
   * An event was accepted and dropped at once, before reaching the queue (by a before-send hook):
   * both counters move together, so the accounting identity holds.
   */
  void recordAcceptedAndDropped(DropReason reason) {
    accepted.increment();
    dropped.get(reason).increment();
  }

  /** Events were dropped because of an error the server or the transport reported. */
  void recordDropped(DropReason reason, long count, String error) {
    recordDropped(reason, count);
    lastError = error;
  }

  /** {@code track()} (or {@code captureError}) refused an event with {@code code}. */
  public void recordRejected(String code) {
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

  void recordParked(String minVersion) {
    parkedMinVersion = minVersion;
    parked = true;
  }

  void recordInFlight(int events) {
    inFlight = events;
  }

  void recordListenerFailure() {
    listenerFailures.increment();
  }

  void recordSenderError(String error) {
    senderErrors.increment();
    lastError = error;
  }

  void recordFailed(String reason) {
    failure = reason;
  }

  /** Events accepted by {@code track()}. */
  public long accepted() {
    return accepted.sum();
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

  /** Listener callbacks that threw. */
  public long listenerFailures() {
    return listenerFailures.sum();
  }

  /** Unexpected errors the sender thread survived. */
  public long senderErrors() {
    return senderErrors.sum();
  }

  /** Events dropped for one reason. */
  public long dropped(DropReason reason) {
    return dropped.get(reason).sum();
  }

  /** Events dropped for any reason. */
  public long droppedTotal() {
    long total = 0;
    for (LongAdder count : dropped.values()) {
      total += count.sum();
    }
    return total;
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

  /** Why the client failed and accepts no more events, or {@code null} while it works. */
  public String failure() {
    return failure;
  }
}
