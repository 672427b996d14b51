package com.crossdeck.spring.tracking;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Defers events to after the commit of the transaction the thread is in, and drops them on
 * rollback. Outside a transaction (no synchronization active) it tracks immediately. Only
 * instantiated when spring-tx is on the classpath.
 */
final class AfterCommitDispatch implements EventDispatch {

  @Override
  public void dispatch(Runnable track) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      track.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            track.run();
          }
        });
  }

  /** Within a transaction, a gate that opens at its commit; outside one, immediate. */
  @Override
  public EventDispatch decidedNow() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return IMMEDIATE;
    }
    CommitGate gate = new CommitGate();
    TransactionSynchronizationManager.registerSynchronization(gate);
    return gate;
  }
}
