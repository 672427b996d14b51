package com.crossdeck.benchmarks.sdk;

import com.posthog.java.PostHog;
import java.util.HashMap;
import java.util.Map;

/**
 * The legacy PostHog Java client at its defaults (50-event batches or 1 s, unbounded queue, three
 * retries). It has no flush; {@code shutdown()} sends the rest and joins its thread.
 */
final class PostHogDriver implements Driver {

  private final PostHog posthog;

  PostHogDriver(String serverRoot) {
    this.posthog = new PostHog.Builder("phc_benchmark_key").host(serverRoot).build();
  }

  @Override
  public boolean track(int orderNumber) {
    Map<String, Object> properties = new HashMap<>();
    properties.put(TypicalEvent.PLAN, TypicalEvent.PLAN_VALUE);
    properties.put(TypicalEvent.ORDER_NUMBER, orderNumber);
    properties.put(TypicalEvent.AMOUNT, TypicalEvent.AMOUNT_VALUE);
    properties.put(TypicalEvent.TRIAL, TypicalEvent.trial(orderNumber));
    properties.put(TypicalEvent.RENEWS_AT, TypicalEvent.RENEWS_AT_VALUE);
    try {
      posthog.capture(TypicalEvent.userId(orderNumber), TypicalEvent.NAME, properties);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** PostHog 1.2.0 has no flush; events leave on its own schedule. */
  @Override
  public void flush() {}

  @Override
  public void close() {
    posthog.shutdown();
  }
}
