package com.crossdeck.client.internal.outbox;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The flushes waiting for the outbox. Each waits for the rows that were in the table when the relay
 * took it up: those at or below the newest id then (its watermark). It completes once no such row
 * is left, whoever delivered them (rows may have been written by other instances, and other
 * instances may deliver this process's rows); or, with the number still left, when nothing more can
 * be done (delivery parked, the relay stopping). Any thread may ask; the rest is the relay
 * thread's.
 */
final class OutboxFlushes {

  /** How the relay counts the rows left at or below a watermark. */
  @FunctionalInterface
  interface RowsUpTo {
    long count(long id) throws SQLException;
  }

  private static final class Request {
    final CompletableFuture<Long> done = new CompletableFuture<>();
    long watermark;
  }

  private final Queue<Request> incoming = new ConcurrentLinkedQueue<>();
  private final List<Request> waiting = new ArrayList<>();
  private final List<Request> ready = new ArrayList<>();
  private final RelaySignal signal;
  private volatile boolean stopped;
  private volatile long remainingAtStop;

  OutboxFlushes(RelaySignal signal) {
    this.signal = signal;
  }

  /** Asks for the rows in the table now to be delivered; see the class comment. */
  CompletableFuture<Long> request() {
    Request request = new Request();
    incoming.add(request);
    if (stopped) {
      // The relay may have stopped after the check it made before taking this one in.
      request.done.complete(remainingAtStop);
    }
    signal.wake();
    return request.done;
  }

  /** Whether a flush has been asked for and not taken up yet. */
  boolean anyNew() {
    return !incoming.isEmpty();
  }

  /**
   * Takes up the new flushes with the newest id now; they are ready at once when the table is
   * empty.
   */
  void takeUp(long newestId) {
    for (Request request = incoming.poll(); request != null; request = incoming.poll()) {
      if (newestId == 0) {
        ready.add(request);
      } else {
        request.watermark = newestId;
        waiting.add(request);
      }
    }
  }

  /** Whether a flush waits. */
  boolean anyWaiting() {
    return !waiting.isEmpty() || !incoming.isEmpty();
  }

  /** Finds the waiting flushes none of whose rows is left: they are ready. */
  void findReady(RowsUpTo rows) throws SQLException {
    long countedFor = -1;
    long left = 0;
    waiting.sort((a, b) -> Long.compare(a.watermark, b.watermark));
    for (Iterator<Request> each = waiting.iterator(); each.hasNext(); ) {
      Request request = each.next();
      if (request.watermark != countedFor) {
        countedFor = request.watermark;
        left = rows.count(countedFor);
      }
      if (left == 0) {
        ready.add(request);
        each.remove();
      }
    }
  }

  /** Whether flushes are ready to complete. */
  boolean anyReady() {
    return !ready.isEmpty();
  }

  /**
   * Completes the ready flushes; called once the table is measured, since their callers may read
   * the diagnostics next.
   */
  void completeReady() {
    for (Request request : ready) {
      request.done.complete(0L);
    }
    ready.clear();
  }

  /** Completes every flush, with the rows still in the table: nothing more can be done for now. */
  void completeAll(long remaining) {
    completeReady();
    for (Request request : waiting) {
      request.done.complete(remaining);
    }
    waiting.clear();
    for (Request request = incoming.poll(); request != null; request = incoming.poll()) {
      request.done.complete(remaining);
    }
  }

  /** The relay stopped: completes every flush, and any asked for later, with the rows left. */
  void stop(long remaining) {
    remainingAtStop = remaining;
    stopped = true;
    completeAll(remaining);
  }
}
