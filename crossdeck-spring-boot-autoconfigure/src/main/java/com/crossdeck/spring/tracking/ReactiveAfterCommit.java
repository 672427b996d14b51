package com.crossdeck.spring.tracking;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.reactive.TransactionContext;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Defers the event of a reactive result to the commit of the reactive transaction its subscriber
 * runs in, and drops it on rollback. A class of its own because it needs spring-tx, which reactive
 * applications without a database lack: loaded only when spring-tx's reactive support is there.
 */
final class ReactiveAfterCommit {

  /**
   * The dispatch for a subscriber's context: after the commit of its transaction, or {@code null}
   * when it runs in none with synchronization active.
   */
  @Nullable EventDispatch within(ContextView context) {
    Optional<TransactionContext> transaction = context.getOrEmpty(TransactionContext.class);
    if (transaction.isEmpty()) {
      return null;
    }
    TransactionSynchronizationManager synchronizations =
        new TransactionSynchronizationManager(transaction.get());
    if (!synchronizations.isSynchronizationActive()) {
      return null;
    }
    return track ->
        synchronizations.registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public Mono<Void> afterCommit() {
                return Mono.fromRunnable(track);
              }
            });
  }
}
