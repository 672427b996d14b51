package com.crossdeck.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link CrossdeckConfigurationException} as Spring Boot's "APPLICATION FAILED TO START"
 * description and action, instead of a stack trace.
 */
class CrossdeckConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<CrossdeckConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CrossdeckConfigurationException cause) {
    return new FailureAnalysis(cause.description(), cause.action(), cause);
  }
}
