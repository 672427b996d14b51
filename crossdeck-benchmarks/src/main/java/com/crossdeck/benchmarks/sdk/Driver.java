package com.crossdeck.benchmarks.sdk;

/**
 * One SDK behind the harness: build the {@link TypicalEvent} the way an application using that SDK
 * would, hand it over, and shut down the way its documentation says. Implementations use the SDK at
 * its default settings apart from the endpoint.
 */
public interface Driver extends AutoCloseable {

  /**
   * Builds and tracks one typical event.
   *
   * @param orderNumber the harness's sequence number, sent as the {@code order_number} property
   * @return whether the SDK accepted the event (returned normally and did not refuse it)
   */
  boolean track(int orderNumber);

  /** Asks the SDK to send what it holds, as an application would before shutting down. */
  void flush();

  /** Shuts the SDK down the documented way, which for every SDK sends what it still holds. */
  @Override
  void close();
}
