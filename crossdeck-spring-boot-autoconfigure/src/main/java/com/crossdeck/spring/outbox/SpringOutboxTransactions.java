package com.crossdeck.spring.outbox;

import com.crossdeck.client.outbox.OutboxTransactions;
import java.sql.Connection;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Joins the outbox to Spring-managed transactions ({@code @Transactional}, {@code
 * TransactionTemplate}) on the outbox's {@link DataSource}, whether a {@code
 * DataSourceTransactionManager} or a {@code JpaTransactionManager} runs them: events tracked inside
 * such a transaction are written on its own connection just before it commits, in one batch, so
 * they commit or roll back with the business data.
 *
 * <p>A transaction is joined only when it is active, read-write, and holds a connection of the
 * outbox's data source; anything else (no transaction, a read-only one, one on another data source)
 * makes the outbox write the event at once in a short transaction of its own. Events tracked while
 * a transaction commits are written right after it, once it has committed; during its completion
 * callbacks Spring has ended synchronization, so those are written on their own too.
 *
 * <p>The Spring Boot starter installs it with {@code crossdeck.outbox.enabled=true}; pass it to
 * {@link com.crossdeck.client.outbox.OutboxOptions.Builder#transactions} for a client of your own.
 * Thread-safe.
 */
public final class SpringOutboxTransactions implements OutboxTransactions {

  private final DataSource dataSource;
  private final Object participantKey = new Object();

  /**
   * @param dataSource the outbox's data source, as the application's transaction manager uses it
   */
  public SpringOutboxTransactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public @Nullable Participant join(Supplier<? extends Participant> open) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()
        || TransactionSynchronizationManager.isCurrentTransactionReadOnly()
        || !TransactionSynchronizationManager.hasResource(dataSource)) {
      return null;
    }
    Object joined = TransactionSynchronizationManager.getResource(participantKey);
    if (joined != null) {
      return (Participant) joined;
    }
    Participant participant = open.get();
    TransactionSynchronizationManager.bindResource(participantKey, participant);
    TransactionSynchronizationManager.registerSynchronization(new Joined(participant));
    return participant;
  }

  /** The outbox's callbacks in one transaction. */
  private final class Joined implements TransactionSynchronization {

    private final Participant participant;

    Joined(Participant participant) {
      this.participant = participant;
    }

    /**
     * Last of the before-commit callbacks, so events other callbacks track there join the batch.
     */
    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResourceIfPossible(participantKey);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(participantKey, participant);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      Connection connection = DataSourceUtils.getConnection(dataSource);
      try {
        participant.beforeCommit(connection);
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(participantKey);
      // An unknown outcome counts as committed: the rows may be in the table, and are delivered.
      participant.afterCompletion(status != STATUS_ROLLED_BACK);
    }
  }
}
