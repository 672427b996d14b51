package com.crossdeck.spring.tracking;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Holds back the event of an asynchronous result until the transaction that was open when the
 * method was called has committed: whichever comes last, the result or the commit, hands it over. A
 * rollback drops it. Thread-safe: the transaction ends on its own thread, the result completes on
 * whatever thread completes it.
 */
final class CommitGate implements EventDispatch, TransactionSynchronization {

  private enum State {
    OPEN,
    COMMITTED,
    ROLLED_BACK
  }

  private State state = State.OPEN;
  private @Nullable Runnable waiting;

  @Override
  public void dispatch(Runnable track) {
    synchronized (this) {
      if (state == State.OPEN) {
        waiting = track;
        return;
      }
      if (state == State.ROLLED_BACK) {
        return;
      }
    }
    track.run();
  }

  @Override
  public void afterCompletion(int status) {
    Runnable ready;
    synchronized (this) {
      state = status == STATUS_COMMITTED ? State.COMMITTED : State.ROLLED_BACK;
      ready = state == State.COMMITTED ? waiting : null;
      waiting = null;
    }
    if (ready != null) {
      ready.run();
    }
  }
}
