package com.crossdeck.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code crossdeck.secret-key} is unset or blank, read with relaxed binding so that
 * the {@code CROSSDECK_SECRET_KEY} environment variable counts as set.
 */
class SecretKeyAbsentCondition extends SpringBootCondition {

  static final String PROPERTY = CrossdeckProperties.PREFIX + ".secret-key";

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    String key = Binder.get(context.getEnvironment()).bind(PROPERTY, String.class).orElse(null);
    return StringUtils.hasText(key)
        ? ConditionOutcome.noMatch(PROPERTY + " is set")
        : ConditionOutcome.match(PROPERTY + " is not set");
  }
}
