package com.crossdeck.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when no secret key is configured, as {@link ConfiguredSecretKey} decides: {@code
 * crossdeck.secret-key} unset, blank, or a placeholder nothing resolved. Read with relaxed binding,
 * so that the {@code CROSSDECK_SECRET_KEY} environment variable counts as set.
 */
class SecretKeyAbsentCondition extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    ConfiguredSecretKey key =
        ConfiguredSecretKey.of(
            Binder.get(context.getEnvironment())
                .bind(ConfiguredSecretKey.PROPERTY, String.class)
                .orElse(null));
    return key.isAbsent()
        ? ConditionOutcome.match(key.absence())
        : ConditionOutcome.noMatch(ConfiguredSecretKey.PROPERTY + " is set");
  }
}
