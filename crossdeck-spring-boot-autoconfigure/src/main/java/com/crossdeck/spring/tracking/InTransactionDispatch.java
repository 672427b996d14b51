package com.crossdeck.spring.tracking;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands events to a durable client (one with a transactional outbox) at once: inside a transaction
 * the outbox writes the event in it, so it commits or rolls back with the business data, with no
 * after-commit hop. The event of a call that failed is handed over once the transaction has ended,
 * whatever its outcome, and written on its own: the failure happened even though the transaction
 * rolls back. Asynchronous results keep the after-commit gate: they complete outside the
 * transaction. Only instantiated when spring-tx is on the classpath.
 */
final class InTransactionDispatch implements EventDispatch {

  private final EventDispatch afterCommit;

  InTransactionDispatch(EventDispatch afterCommit) {
    this.afterCommit = afterCommit;
  }

  @Override
  public void dispatch(Runnable track) {
    track.run();
  }

  @Override
  public void dispatchFailure(Runnable track) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      track.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            track.run();
          }
        });
  }

  @Override
  public EventDispatch decidedNow() {
    return afterCommit.decidedNow();
  }
}
