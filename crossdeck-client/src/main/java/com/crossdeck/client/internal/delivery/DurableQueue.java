package com.crossdeck.client.internal.delivery;

import java.util.concurrent.CompletableFuture;

/**
 * A durable home for accepted events that takes the in-memory queue's place as their source of
 * truth: the transactional outbox, which keeps them in the application's database and delivers them
 * from there. The pipeline offers it each encoded event first; what it cannot take goes to the
 * in-memory queue, so {@code track()} never fails because of it. {@code flush()} and {@code
 * close()} wait for both. Implementations are thread-safe.
 */
public interface DurableQueue {

  /** What became of an offered event. */
  enum Offer {
    /** It holds the event, or will once the caller's transaction commits. */
    TAKEN,
    /** It cannot take the event, which goes to the in-memory queue instead. */
    DECLINED,
    /**
     * The caller's transaction already holds the most events one transaction may hold until it
     * commits ({@link #transactionLimit()}): the event is not tracked.
     */
    REFUSED
  }

  /**
   * Takes an encoded event, on the thread calling {@code track()}. Never throws.
   *
   * @param encoded the event as the encoder wrote it for the queue
   */
  Offer offer(byte[] encoded);

  /** The most events, and bytes, one transaction may hold until it commits, in words. */
  String transactionLimit();

  /** Starts its own threads. */
  void start();

  /**
   * Asks for every event it held when called to be delivered now.
   *
   * @return completes, with the number of those events still held, once none of them is left or
   *     nothing more can be done for them (delivery is parked, or the queue is closing)
   */
  CompletableFuture<Long> flush();

  /**
   * Delivers what it can until {@code deadlineNanos} (on the client's clock), then stops its
   * threads. Events it still holds stay durable, for the next start or another instance.
   *
   * @return the number of events it still holds
   */
  long close(long deadlineNanos);

  /** Events it holds, as last measured; reads memory only. */
  long held();
}
