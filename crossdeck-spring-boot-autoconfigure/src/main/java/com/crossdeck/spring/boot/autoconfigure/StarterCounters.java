package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.spring.identity.IdentityInputValidator;
import com.crossdeck.spring.tracking.TrackEventInterceptor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The starter's own problem counters, for metrics and health: identifiers ignored as invalid, and
 * {@code @TrackEvent} calls that could not be tracked. Zero when the counting bean does not exist
 * (web or tracking switched off).
 */
final class StarterCounters {

  private final ObjectProvider<IdentityInputValidator> validator;
  private final ObjectProvider<TrackEventInterceptor> interceptor;

  StarterCounters(
      ObjectProvider<IdentityInputValidator> validator,
      ObjectProvider<TrackEventInterceptor> interceptor) {
    this.validator = validator;
    this.interceptor = interceptor;
  }

  long invalidIdentities() {
    IdentityInputValidator current = validator.getIfAvailable();
    return current == null ? 0 : current.rejectedCount();
  }

  long trackingFailures() {
    TrackEventInterceptor current = interceptor.getIfAvailable();
    return current == null ? 0 : current.failureCount();
  }
}
