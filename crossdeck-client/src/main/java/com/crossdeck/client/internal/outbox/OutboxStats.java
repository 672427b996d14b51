package com.crossdeck.client.internal.outbox;

import com.crossdeck.client.Diagnostics;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * The outbox's own counters and the table as last measured, changed only through methods that say
 * what happened. Sends and drops are counted with every other delivery, in the client's {@code
 * DeliveryStats}. Counters are {@link LongAdder}s, so the threads tracking events never contend;
 * the measurements are written by the relay thread.
 *
 * <p>The depth between two measurements is the last measurement adjusted by the rows this process
 * wrote and deleted since: exact for a process alone on its table, and brought back to the table's
 * truth (other instances' rows included) by the next measurement, at most ten seconds later.
 */
final class OutboxStats {

  private final LongAdder written = new LongAdder();
  private final LongAdder rolledBack = new LongAdder();
  private final LongAdder fallbacks = new LongAdder();
  private final LongAdder movedAside = new LongAdder();
  private final LongAdder relayFailures = new LongAdder();
  private final LongAdder takenOver = new LongAdder();
  private final LongAdder depthSinceMeasured = new LongAdder();

  private volatile String database;
  private volatile long depth;
  private volatile long bytes;
  private volatile long oldestCreatedAt;
  private volatile long checkedAtMillis;
  private volatile long lastLagMillis;
  private volatile String lastError;

  void recordReady(String database) {
    this.database = database;
  }

  void recordWritten(long events) {
    written.add(events);
    depthSinceMeasured.add(events);
  }

  /** Rows this process deleted from the table (delivered, moved aside or dropped). */
  void recordDeleted(long rows) {
    depthSinceMeasured.add(-rows);
  }

  void recordRolledBack(long events) {
    rolledBack.add(events);
  }

  void recordFallback() {
    fallbacks.increment();
  }

  void recordMovedAside(long rows) {
    movedAside.add(rows);
  }

  /** Rows this relay had claimed that another claimer took over once the claim ran out. */
  void recordTakenOver(long rows) {
    takenOver.add(rows);
  }

  void recordRelayFailure(String error) {
    relayFailures.increment();
    lastError = error;
  }

  void recordError(String error) {
    lastError = error;
  }

  /** A database operation succeeded; clears the last error without writing when there is none. */
  void recordSuccess() {
    if (lastError != null) {
      lastError = null;
    }
  }

  void recordMeasured(OutboxMaintenance.Measured measured, long atMillis) {
    depthSinceMeasured.reset();
    depth = measured.rows();
    bytes = measured.bytes();
    oldestCreatedAt = measured.oldestCreatedAt();
    checkedAtMillis = atMillis;
  }

  void recordLag(long lagMillis) {
    lastLagMillis = lagMillis;
  }

  boolean ready() {
    return database != null;
  }

  long depth() {
    return Math.max(0, depth + depthSinceMeasured.sum());
  }

  /** A snapshot for diagnostics; reads memory only. */
  Diagnostics.Outbox snapshot(String table) {
    long checkedAt = checkedAtMillis;
    long oldest = oldestCreatedAt;
    return new Diagnostics.Outbox(
        true,
        ready(),
        table,
        database,
        depth(),
        bytes,
        depth == 0 || oldest == 0
            ? Duration.ZERO
            : Duration.ofMillis(Math.max(0, checkedAt - oldest)),
        checkedAt == 0 ? null : Instant.ofEpochMilli(checkedAt),
        written.sum(),
        rolledBack.sum(),
        fallbacks.sum(),
        movedAside.sum(),
        Duration.ofMillis(lastLagMillis),
        relayFailures.sum(),
        takenOver.sum(),
        lastError);
  }
}
