package com.crossdeck.client.internal.outbox;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.internal.delivery.Batch;
import com.crossdeck.client.internal.delivery.DeliveryOutcomes;
import com.crossdeck.client.internal.delivery.LogThrottle;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batches the relay holds claims on, oldest first, and the outcomes of those it sent that are
 * not written yet: it readies the first batch for sending, applies what became of a sent batch (a
 * batch to resend goes back to the front of the line), and writes the outcomes, deleting delivered
 * rows and moving refused ones aside. Used by the relay thread only.
 */
final class HeldBatches {

  private static Logger log() {
    return LoggerFactory.getLogger(HeldBatches.class);
  }

  private final RowClaims claims;
  private final OutboxStats stats;
  private final OutboxDrops drops;
  private final CrossdeckClock clock;
  private final long maxAgeMillis;
  private final Supplier<String> newKey;
  private final LogThrottle throttle;
  private final Deque<HeldBatch> held = new ArrayDeque<>();
  private final Settlements settlements = new Settlements();

  /**
   * @param claims claims rows and writes their outcomes
   * @param stats the outbox's counters
   * @param drops reports rows dropped as expired
   * @param clock the time source
   * @param maxAgeMillis how long a row may wait before it is dropped as expired
   * @param newKey mints the key of a batch formed anew
   */
  HeldBatches(
      RowClaims claims,
      OutboxStats stats,
      OutboxDrops drops,
      CrossdeckClock clock,
      long maxAgeMillis,
      Supplier<String> newKey) {
    this.claims = claims;
    this.stats = stats;
    this.drops = drops;
    this.clock = clock;
    this.maxAgeMillis = maxAgeMillis;
    this.newKey = newKey;
    this.throttle = new LogThrottle(clock, TimeUnit.MINUTES.toNanos(1));
  }

  /** Whether no batch is held. */
  boolean isEmpty() {
    return held.isEmpty();
  }

  /** Whether every decided outcome is written. */
  boolean allSettled() {
    return settlements.isEmpty();
  }

  /** Takes up batches just claimed, behind those held already. */
  void addAll(List<HeldBatch> claimed) {
    held.addAll(claimed);
  }

  /** Lets go of every batch; their rows' claims are released in the table, or run out. */
  void clear() {
    held.clear();
  }

  /**
   * Readies the first batch to send: rows past the age limit removed (a long outage), the claim
   * renewed when it could run out before the attempt ends, the batch's key recorded in its rows.
   * Rows another claimer took over meanwhile are left to it. Each change replaces the first batch
   * at once, so a database failure half-way loses or repeats nothing.
   *
   * @return the first batch, ready; {@code null} when it had no row left, and is gone
   */
  HeldBatch secureFirst() throws SQLException {
    HeldBatch batch = held.peekFirst();
    long nowMillis = clock.currentTimeMillis();
    List<ClaimedRow> rows = batch.rows();
    List<ClaimedRow> fresh = new ArrayList<>(rows.size());
    for (ClaimedRow row : rows) {
      if (row.createdAt() >= nowMillis - maxAgeMillis) {
        fresh.add(row);
      }
    }
    if (fresh.size() < rows.size()) {
      List<ClaimedRow> expired = new ArrayList<>(rows);
      expired.removeAll(fresh);
      settlements.resolved(expired);
      drops.expired(expired.size());
      batch = replaceFirst(fresh.isEmpty() ? null : rebatched(fresh, batch.leaseUntil()));
    }
    while (batch != null
        && (!batch.keyPersisted() || batch.leaseUntil() - nowMillis < claims.leaseMillis() / 2)) {
      long leaseUntil = nowMillis + claims.leaseMillis();
      if (claims.renew(batch, leaseUntil) == batch.rows().size()) {
        batch = replaceFirst(new HeldBatch(batch.batch(), batch.rows(), true, leaseUntil));
      } else {
        List<ClaimedRow> stillHeld = claims.stillHeld(batch);
        tookOver(batch.rows().size() - stillHeld.size());
        batch = replaceFirst(stillHeld.isEmpty() ? null : rebatched(stillHeld, leaseUntil));
      }
    }
    return batch;
  }

  private HeldBatch replaceFirst(HeldBatch batch) {
    held.pollFirst();
    if (batch != null) {
      held.addFirst(batch);
    }
    return batch;
  }

  private HeldBatch rebatched(List<ClaimedRow> rows, long leaseUntil) {
    List<byte[]> events = new ArrayList<>(rows.size());
    for (ClaimedRow row : rows) {
      events.add(row.payload());
    }
    return new HeldBatch(new Batch(events, newKey.get()), List.copyOf(rows), false, leaseUntil);
  }

  /** Applies the decision on the first batch, just sent. */
  void sent(HeldBatch first, DeliveryOutcomes.Decision decision) {
    held.pollFirst();
    resolve(first, decision);
  }

  /**
   * Applies a decision: the batch's rows that are in no batch to resend were resolved, delivered
   * (deleted) or refused (moved aside); the batches to resend go back to the front of the line.
   */
  private void resolve(HeldBatch sent, DeliveryOutcomes.Decision decision) {
    Map<byte[], ClaimedRow> rowOf = new IdentityHashMap<>();
    for (ClaimedRow row : sent.rows()) {
      rowOf.put(row.payload(), row);
    }
    Set<ClaimedRow> unresolved = Collections.newSetFromMap(new IdentityHashMap<>());
    List<HeldBatch> resend = new ArrayList<>(decision.resend().size());
    for (Batch batch : decision.resend()) {
      List<ClaimedRow> rows = new ArrayList<>(batch.size());
      for (byte[] event : batch.events()) {
        rows.add(rowOf.get(event));
      }
      unresolved.addAll(rows);
      boolean sameKey = batch.idempotencyKey().equals(sent.batch().idempotencyKey());
      resend.add(new HeldBatch(batch, rows, sameKey && sent.keyPersisted(), sent.leaseUntil()));
    }
    List<ClaimedRow> resolved = new ArrayList<>();
    for (ClaimedRow row : sent.rows()) {
      if (!unresolved.contains(row)) {
        resolved.add(row);
      }
    }
    if (!resolved.isEmpty()) {
      long nowMillis = clock.currentTimeMillis();
      if (decision.rejection() != null) {
        settlements.rejected(resolved, decision.rejection(), nowMillis);
      } else {
        settlements.resolved(resolved);
        long oldest = Long.MAX_VALUE;
        for (ClaimedRow row : resolved) {
          oldest = Math.min(oldest, row.createdAt());
        }
        stats.recordLag(Math.max(0, nowMillis - oldest));
      }
    }
    for (int i = resend.size() - 1; i >= 0; i--) {
      held.addFirst(resend.get(i));
    }
  }

  /** Writes the outcomes decided so far, in one transaction. */
  void settle() throws SQLException {
    if (settlements.isEmpty()) {
      return;
    }
    RowClaims.Settled settled = claims.settle(settlements);
    settlements.clear();
    stats.recordDeleted(settled.deleted() + settled.moved());
    if (settled.moved() > 0) {
      stats.recordMovedAside(settled.moved());
    }
    tookOver(settled.lost());
  }

  private void tookOver(int rows) {
    if (rows <= 0) {
      return;
    }
    stats.recordTakenOver(rows);
    if (throttle.shouldLog("taken_over")) {
      log()
          .warn(
              "Crossdeck outbox relay lost its claim on {} row(s) to another instance: this process"
                  + " stalled longer than the claim lasts ({} ms), or the instances' clocks disagree."
                  + " Those rows may be sent twice; the server stores each event id once.",
              rows,
              claims.leaseMillis());
    }
  }
}
