package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.spring.boot.metrics.CrossdeckMetrics;
import com.crossdeck.spring.identity.AnonymousIdLinker;
import com.crossdeck.spring.identity.IdentityInputValidator;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.tracking.TrackEventInterceptor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The starter's own problem counters, for metrics and health: identifiers from requests ignored as
 * invalid or ambiguous, links refused because an anonymous id belongs to another user, and
 * {@code @TrackEvent} calls that could not be tracked. Zero when the counting bean does not exist
 * (web or tracking switched off).
 */
final class StarterCounters implements CrossdeckMetrics.StarterCounts {

  private final ObjectProvider<IdentityInputValidator> validator;
  private final ObjectProvider<RequestIdentityReader> reader;
  private final ObjectProvider<AnonymousIdLinker> linker;
  private final ObjectProvider<TrackEventInterceptor> interceptor;

  StarterCounters(
      ObjectProvider<IdentityInputValidator> validator,
      ObjectProvider<RequestIdentityReader> reader,
      ObjectProvider<AnonymousIdLinker> linker,
      ObjectProvider<TrackEventInterceptor> interceptor) {
    this.validator = validator;
    this.reader = reader;
    this.linker = linker;
    this.interceptor = interceptor;
  }

  @Override
  public long invalidIdentities() {
    IdentityInputValidator current = validator.getIfAvailable();
    return current == null ? 0 : current.rejectedCount();
  }

  @Override
  public long ambiguousIdentities() {
    RequestIdentityReader current = reader.getIfAvailable();
    return current == null ? 0 : current.ambiguousCount();
  }

  @Override
  public long identityConflicts() {
    AnonymousIdLinker current = linker.getIfAvailable();
    return current == null ? 0 : current.conflictCount();
  }

  @Override
  public long trackingFailures() {
    TrackEventInterceptor current = interceptor.getIfAvailable();
    return current == null ? 0 : current.failureCount();
  }
}
