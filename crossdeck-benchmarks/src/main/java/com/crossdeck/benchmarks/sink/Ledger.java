package com.crossdeck.benchmarks.sink;

import java.util.BitSet;

/**
 * One run's bookkeeping in the sink: applies the {@link SinkPlan}'s faults to each ingest request
 * and records what was delivered. Synchronized: the sink serves each connection on its own thread.
 */
final class Ledger {

  /** What to do with an ingest request. */
  enum Verdict {
    OK,
    UNAVAILABLE,
    RATE_LIMITED,
    DROP_CONNECTION
  }

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final SinkPlan plan;
  private final BitSet seen = new BitSet();
  private long startNanos;
  private boolean started;
  private long requests;
  private long received;
  private long unique;
  private long unavailable;
  private long rateLimited;
  private long dropped;
  private long retryAfterChecks;
  private long retryAfterViolations;
  private long notBeforeNanos = Long.MIN_VALUE;
  private long fullDeliveryNanos = -1;
  private long lastNewNanos = -1;
  private double tokens;
  private long refilledNanos;

  Ledger(SinkPlan plan, long nowNanos) {
    this.plan = plan;
    this.tokens = plan.burst();
    this.refilledNanos = nowNanos;
  }

  /** Marks the start of the run: the outage window and all timings begin now. */
  synchronized void start(long nowNanos) {
    startNanos = nowNanos;
    started = true;
  }

  /** The decision for a request of these events, recording them if it is processed. */
  synchronized Verdict onIngest(int[] orderNumbers, long receivedNanos) {
    requests++;
    if (notBeforeNanos != Long.MIN_VALUE) {
      retryAfterChecks++;
      if (receivedNanos < notBeforeNanos) {
        retryAfterViolations++;
      }
      notBeforeNanos = Long.MIN_VALUE;
    }
    if (started
        && plan.outageMillis() > 0
        && receivedNanos - startNanos < plan.outageMillis() * 1_000_000) {
      unavailable++;
      return Verdict.UNAVAILABLE;
    }
    if (plan.eventsPerSecond() > 0 && !takeTokens(orderNumbers.length, receivedNanos)) {
      rateLimited++;
      return Verdict.RATE_LIMITED;
    }
    record(orderNumbers, receivedNanos);
    if (dropped < plan.dropConnections()) {
      dropped++;
      return Verdict.DROP_CONNECTION;
    }
    return Verdict.OK;
  }

  /** Seconds to advertise in {@code Retry-After} for a request of {@code events} just refused. */
  synchronized long retryAfterSeconds(int events) {
    double seconds = (events - tokens) / plan.eventsPerSecond();
    return Math.max(1, (long) Math.ceil(seconds));
  }

  /** Records that a 429 asking for {@code seconds} was fully written at {@code answeredNanos}. */
  synchronized void answeredRetryAfter(long answeredNanos, long seconds) {
    notBeforeNanos = answeredNanos + seconds * NANOS_PER_SECOND;
  }

  private boolean takeTokens(int count, long nowNanos) {
    double elapsedSeconds = (double) Math.max(0, nowNanos - refilledNanos) / NANOS_PER_SECOND;
    tokens = Math.min(plan.burst(), tokens + elapsedSeconds * plan.eventsPerSecond());
    refilledNanos = Math.max(refilledNanos, nowNanos);
    if (tokens >= count) {
      tokens -= count;
      return true;
    }
    return false;
  }

  private void record(int[] orderNumbers, long nowNanos) {
    received += orderNumbers.length;
    for (int number : orderNumbers) {
      if (!seen.get(number)) {
        seen.set(number);
        unique++;
        lastNewNanos = nowNanos;
        if (unique == plan.expectedEvents()) {
          fullDeliveryNanos = nowNanos;
        }
      }
    }
  }

  /** How many distinct events arrived so far. */
  synchronized long unique() {
    return unique;
  }

  /** A snapshot of the counters, times relative to {@link #start}. */
  synchronized SinkStats stats() {
    return new SinkStats(
        requests,
        received,
        unique,
        received - unique,
        unavailable,
        rateLimited,
        dropped,
        retryAfterChecks,
        retryAfterViolations,
        sinceStart(fullDeliveryNanos),
        sinceStart(lastNewNanos));
  }

  private double sinceStart(long nanos) {
    return nanos < 0 || !started ? -1 : (nanos - startNanos) / 1e6;
  }
}
