package com.crossdeck.spring.tracking;

import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHint;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.expression.AnnotatedElementKey;
import org.springframework.context.expression.CachedExpressionEvaluator;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.expression.BeanResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

/**
 * Turns one {@link TrackEvent} invocation into an {@link Event}: evaluates the annotation's SpEL
 * expressions against the invocation and attaches the identity. Parsed expressions are cached per
 * method and expression, as Spring's own {@code @EventListener} conditions are. Thread-safe.
 */
final class TrackEventEvaluator extends CachedExpressionEvaluator {

  private final Map<ExpressionKey, Expression> cache = new ConcurrentHashMap<>(64);
  private final BeanResolver beans;

  TrackEventEvaluator(BeanResolver beans) {
    this.beans = beans;
  }

  /**
   * Builds the event of one invocation.
   *
   * @param invocation what was called, with what, and how it ended
   * @param currentIdentity the request's identity, used when the annotation overrides none
   * @throws RuntimeException when an expression fails or the annotation is incomplete
   */
  Event evaluate(Invocation invocation, Supplier<@Nullable IdentityHint> currentIdentity) {
    TrackEvent spec = invocation.spec();
    if (spec.value().isBlank()) {
      throw new IllegalStateException("@TrackEvent needs an event name");
    }
    AnnotatedElementKey key =
        new AnnotatedElementKey(invocation.method(), invocation.targetClass());
    EvaluationContext context = context(invocation);
    Event.Builder event = Event.builder(spec.value());
    if (invocation.exception() != null) {
      event.property("exception", invocation.exception().getClass().getName());
    }
    if (!spec.properties().isBlank()) {
      event.properties(properties(spec.properties(), key, context));
    }
    String eventId = string(spec.eventId(), key, context);
    if (eventId != null) {
      event.eventId(eventId);
    }
    IdentityHint override = override(spec, key, context);
    event.identity(override != null ? override : currentIdentity.get());
    return event.build();
  }

  private EvaluationContext context(Invocation invocation) {
    TrackEventRoot root =
        new TrackEventRoot(
            invocation.method(), invocation.args(), invocation.target(), invocation.targetClass());
    MethodBasedEvaluationContext context =
        new MethodBasedEvaluationContext(
            root, invocation.method(), invocation.args(), getParameterNameDiscoverer());
    context.setVariable("result", invocation.result());
    context.setVariable("exception", invocation.exception());
    context.setBeanResolver(beans);
    return context;
  }

  /** The first identity override that evaluates to a non-blank value: user, anonymous, customer. */
  private @Nullable IdentityHint override(
      TrackEvent spec, AnnotatedElementKey key, EvaluationContext context) {
    String userId = string(spec.userId(), key, context);
    if (userId != null) {
      return IdentityHint.developerUserId(userId);
    }
    String anonymousId = string(spec.anonymousId(), key, context);
    if (anonymousId != null) {
      return IdentityHint.anonymousId(anonymousId);
    }
    String customerId = string(spec.customerId(), key, context);
    return customerId == null ? null : IdentityHint.crossdeckCustomerId(customerId);
  }

  private Map<String, ?> properties(
      String expression, AnnotatedElementKey key, EvaluationContext context) {
    Object value = getExpression(cache, key, expression).getValue(context);
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> properties = new LinkedHashMap<>();
      map.forEach((name, property) -> properties.put(String.valueOf(name), property));
      return properties;
    }
    throw new IllegalStateException(
        "@TrackEvent properties must evaluate to a map, got "
            + (value == null ? "null" : value.getClass().getName()));
  }

  private @Nullable String string(
      String expression, AnnotatedElementKey key, EvaluationContext context) {
    if (expression.isBlank()) {
      return null;
    }
    String value = getExpression(cache, key, expression).getValue(context, String.class);
    return value == null || value.isBlank() ? null : value;
  }

  /**
   * One finished call of an annotated method.
   *
   * @param spec the method's annotation
   * @param method the most specific method (the implementation's, for parameter names)
   * @param targetClass the class of the target object
   * @param target the target object
   * @param args the arguments
   * @param result the return value, or {@code null} when it threw
   * @param exception what it threw, or {@code null} when it returned
   */
  record Invocation(
      TrackEvent spec,
      Method method,
      Class<?> targetClass,
      Object target,
      Object[] args,
      @Nullable Object result,
      @Nullable Throwable exception) {}
}
