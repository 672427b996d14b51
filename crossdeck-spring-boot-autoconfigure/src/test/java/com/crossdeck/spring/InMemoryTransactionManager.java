package com.crossdeck.spring;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A transaction manager with no resource behind it: commits and rollbacks do nothing but run
 * Spring's transaction synchronization, which is all {@code @TrackEvent} depends on.
 */
public final class InMemoryTransactionManager extends AbstractPlatformTransactionManager {

  private static final long serialVersionUID = 1L;

  @Override
  protected Object doGetTransaction() {
    return new Object();
  }

  @Override
  protected void doBegin(Object transaction, TransactionDefinition definition) {}

  @Override
  protected void doCommit(DefaultTransactionStatus status) {}

  @Override
  protected void doRollback(DefaultTransactionStatus status) {}
}
