package com.crossdeck.spring.tracking;

/** Decides when a tracked event is handed to the client: now, or after a transaction commits. */
@FunctionalInterface
interface EventDispatch {

  /** Hands the event over now. */
  EventDispatch IMMEDIATE = Runnable::run;

  /**
   * Runs {@code track} now or later.
   *
   * @param track hands the already-built event to the client; never throws
   */
  void dispatch(Runnable track);
}
