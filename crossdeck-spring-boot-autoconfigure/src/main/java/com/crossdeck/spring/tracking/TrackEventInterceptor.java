package com.crossdeck.spring.tracking;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.BridgeMethodResolver;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * The advice behind {@link TrackEvent}: lets the method run, then builds the event on the calling
 * thread and hands it to the client, after the current transaction commits when there is one.
 *
 * <p>It never changes the method's outcome: the original result is returned and the original
 * exception rethrown, whatever happens while tracking. Failures (an expression error, a missing
 * event name) are counted in {@link #failureCount()} and logged once per method.
 *
 * <p>The client and the identity are looked up when the first event is tracked, not when the
 * advisor is created: advisors are instantiated while other beans are being post-processed, and
 * eager dependencies would pull the client out of the regular bean creation order. Thread-safe.
 */
public final class TrackEventInterceptor implements MethodInterceptor {

  private static final Log logger = LogFactory.getLog(TrackEventInterceptor.class);

  private static final String TRANSACTION_SYNCHRONIZATION =
      "org.springframework.transaction.support.TransactionSynchronizationManager";

  private final ObjectProvider<CrossdeckServer> client;
  private final ObjectProvider<CrossdeckIdentity> identity;
  private final TrackEventEvaluator evaluator;
  private final EventDispatch dispatch;
  private final Map<MethodClassKey, Optional<Target>> targets = new ConcurrentHashMap<>();
  private final Set<Method> loggedFailures = ConcurrentHashMap.newKeySet();
  private final LongAdder failures = new LongAdder();

  /**
   * Creates the interceptor.
   *
   * @param client the client events are tracked with
   * @param identity the identity of events whose annotation names none
   * @param beanFactory resolves {@code @bean} references in expressions, and tells whether
   *     transactions are available
   */
  public TrackEventInterceptor(
      ObjectProvider<CrossdeckServer> client,
      ObjectProvider<CrossdeckIdentity> identity,
      BeanFactory beanFactory) {
    this.client = client;
    this.identity = identity;
    this.evaluator = new TrackEventEvaluator(new BeanFactoryResolver(beanFactory));
    ClassLoader classLoader =
        beanFactory instanceof ConfigurableBeanFactory configurable
            ? configurable.getBeanClassLoader()
            : getClass().getClassLoader();
    this.dispatch =
        ClassUtils.isPresent(TRANSACTION_SYNCHRONIZATION, classLoader)
            ? new AfterCommitDispatch()
            : EventDispatch.IMMEDIATE;
  }

  @Override
  public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
    Object result;
    try {
      result = invocation.proceed();
    } catch (Throwable ex) {
      track(invocation, null, ex);
      throw ex;
    }
    track(invocation, result, null);
    return result;
  }

  /** How many annotated calls could not be tracked because of an error in tracking itself. */
  public long failureCount() {
    return failures.sum();
  }

  private void track(
      MethodInvocation invocation, @Nullable Object result, @Nullable Throwable exception) {
    Target target = null;
    try {
      target = target(invocation);
      if (target == null || (exception != null && !target.spec().onException())) {
        return;
      }
      Event event =
          evaluator.evaluate(
              new TrackEventEvaluator.Invocation(
                  target.spec(),
                  target.method(),
                  target.targetClass(),
                  invocation.getThis(),
                  invocation.getArguments(),
                  result,
                  exception),
              () -> identity.getObject().hint().orElse(null));
      Method method = target.method();
      dispatch.dispatch(() -> send(event, method));
    } catch (RuntimeException | LinkageError e) {
      // LinkageError: an expression can reach a class that is missing at run time. Either way the
      // caller gets the method's own outcome.
      failed(target != null ? target.method() : invocation.getMethod(), e);
    }
  }

  private void send(Event event, Method method) {
    try {
      client.getObject().track(event);
    } catch (RuntimeException e) {
      failed(method, e);
    }
  }

  private void failed(Method method, Throwable error) {
    failures.increment();
    if (loggedFailures.add(method)) {
      logger.warn(
          "Could not track the @TrackEvent event of "
              + method.getDeclaringClass().getName()
              + "."
              + method.getName()
              + "; the method's result is unaffected. Later failures of this method are only"
              + " counted (crossdeck.tracking.failures).",
          error);
    }
  }

  private @Nullable Target target(MethodInvocation invocation) {
    Object bean = invocation.getThis();
    Class<?> targetClass =
        bean != null ? AopUtils.getTargetClass(bean) : invocation.getMethod().getDeclaringClass();
    return targets
        .computeIfAbsent(
            new MethodClassKey(invocation.getMethod(), targetClass),
            key -> Target.find(invocation.getMethod(), targetClass))
        .orElse(null);
  }

  /** The annotated method as implemented by the target class, with its annotation. */
  private record Target(TrackEvent spec, Method method, Class<?> targetClass) {

    static Optional<Target> find(Method invoked, Class<?> targetClass) {
      // The implementation's method carries the parameter names and may carry the annotation
      // when a JDK proxy exposes only the interface method.
      Method specific =
          BridgeMethodResolver.findBridgedMethod(
              AopUtils.getMostSpecificMethod(invoked, targetClass));
      TrackEvent spec = AnnotatedElementUtils.findMergedAnnotation(specific, TrackEvent.class);
      if (spec == null) {
        spec = AnnotatedElementUtils.findMergedAnnotation(invoked, TrackEvent.class);
      }
      return Optional.ofNullable(spec).map(found -> new Target(found, specific, targetClass));
    }
  }
}
