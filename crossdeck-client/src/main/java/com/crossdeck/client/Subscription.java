package com.crossdeck.client;

/** A registered listener; {@link #close()} unregisters it. Closing twice does nothing more. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

  /** Unregisters the listener. */
  @Override
  void close();
}
