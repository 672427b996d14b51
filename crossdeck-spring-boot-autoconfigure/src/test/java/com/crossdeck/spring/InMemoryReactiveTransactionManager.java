package com.crossdeck.spring;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.AbstractReactiveTransactionManager;
import org.springframework.transaction.reactive.GenericReactiveTransaction;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * A reactive transaction manager with no resource behind it: commits and rollbacks do nothing but
 * run Spring's reactive transaction synchronization.
 */
public final class InMemoryReactiveTransactionManager extends AbstractReactiveTransactionManager {

  private static final long serialVersionUID = 1L;

  @Override
  protected Object doGetTransaction(TransactionSynchronizationManager synchronizationManager) {
    return new Object();
  }

  @Override
  protected Mono<Void> doBegin(
      TransactionSynchronizationManager synchronizationManager,
      Object transaction,
      TransactionDefinition definition) {
    return Mono.empty();
  }

  @Override
  protected Mono<Void> doCommit(
      TransactionSynchronizationManager synchronizationManager, GenericReactiveTransaction status) {
    return Mono.empty();
  }

  @Override
  protected Mono<Void> doRollback(
      TransactionSynchronizationManager synchronizationManager, GenericReactiveTransaction status) {
    return Mono.empty();
  }
}
