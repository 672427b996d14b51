package com.crossdeck.client.outbox;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * Lets the outbox write events in the application's own database transactions, so that an event
 * tracked inside a transaction is stored if and only if that transaction commits, and with it.
 *
 * <p>The Spring Boot starter provides one for Spring-managed transactions ({@code @Transactional},
 * {@code TransactionTemplate}); implement it for another transaction framework. With {@link #NONE}
 * (the default), every event is written at once in a short transaction of its own.
 *
 * <p>Implementations are called on the thread calling {@code track()} and must be thread-safe and
 * fast: one lookup of the thread's transaction state.
 */
@FunctionalInterface
public interface OutboxTransactions {

  /** Joins no transaction: each event is written at once, in its own short transaction. */
  OutboxTransactions NONE = open -> null;

  /**
   * Offers the outbox the transaction the calling thread is in.
   *
   * <p>When the thread is in an active, read-write transaction on the outbox's data source, returns
   * that transaction's participant: on the first call within the transaction, the one {@code open}
   * creates, which this method then registers so that {@link Participant#beforeCommit} and {@link
   * Participant#afterCompletion} are called; on later calls within the same transaction, that same
   * participant. Otherwise returns {@code null}, and the event is written in its own transaction.
   * Whatever it throws is caught and treated as {@code null}.
   *
   * @param open creates the participant of a transaction the outbox has not joined yet
   * @return the transaction's participant, or {@code null} when there is none to join
   */
  Participant join(Supplier<? extends Participant> open);

  /**
   * The outbox's part in one transaction: the events tracked in it, written together just before it
   * commits. Implemented by the client; an {@link OutboxTransactions} only calls it. Neither method
   * throws, and neither can make the transaction fail.
   */
  interface Participant {

    /**
     * Called once, just before the transaction commits, on the thread committing it, with the
     * transaction's own connection (which it leaves open): writes the transaction's events there,
     * in one batch. Should writing fail, the transaction is left as it was (on PostgreSQL, a
     * savepoint undoes the failed statement) and the events are handed on after the commit.
     *
     * @param connection the transaction's connection
     */
    void beforeCommit(Connection connection);

    /**
     * Called once the transaction has ended, on the thread that ended it.
     *
     * @param committed whether it committed; report an unknown outcome as committed, since the
     *     events may then be in the table and will be delivered
     */
    void afterCompletion(boolean committed);
  }
}
