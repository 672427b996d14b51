package com.crossdeck.spring.tracking;

/** Decides when a tracked event is handed to the client: now, or after a transaction commits. */
@FunctionalInterface
interface EventDispatch {

  /** Hands the event over now. */
  EventDispatch IMMEDIATE = Runnable::run;

  /**
   * Runs {@code track} now or later, as the transaction of the calling thread decides.
   *
   * @param track hands the already-built event to the client; never throws
   */
  void dispatch(Runnable track);

  /**
   * Runs {@code track}, the event of a call that failed, now or later; by default as {@link
   * #dispatch} would.
   */
  default void dispatchFailure(Runnable track) {
    dispatch(track);
  }

  /**
   * Takes the decision now, on the calling thread, for an event whose content is known only later
   * (an asynchronous result): the returned dispatch may be used from any thread.
   */
  default EventDispatch decidedNow() {
    return this;
  }
}
