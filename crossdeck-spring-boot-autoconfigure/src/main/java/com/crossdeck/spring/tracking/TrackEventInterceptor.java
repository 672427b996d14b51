package com.crossdeck.spring.tracking;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHint;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
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
import org.springframework.core.MethodClassKey;
import org.springframework.util.ClassUtils;

/**
 * The advice behind {@link TrackEvent}: lets the method run, then builds the event and hands it to
 * the client, after the current transaction commits when there is one; or, when the client keeps
 * events in a transactional outbox, at once, so the outbox writes it in the transaction. A plain
 * result is tracked on the calling thread as the method returns; a {@code CompletionStage}, {@code
 * Mono} or {@code Flux} when it completes successfully (see {@link TrackEvent} for what {@code
 * #result} is then).
 *
 * <p>It never changes the method's outcome: the original result is returned (a {@code Mono} or
 * {@code Flux} as one emitting the same signals) and the original exception rethrown, whatever
 * happens while tracking. Failures (an expression error, a missing event name) are counted in
 * {@link #failureCount()} and logged once per method.
 *
 * <p>The client and the identity are looked up when the first event is tracked, not when the
 * advisor is created: advisors are instantiated while other beans are being post-processed, and
 * eager dependencies would pull the client out of the regular bean creation order. Thread-safe.
 */
public final class TrackEventInterceptor implements MethodInterceptor {

  private static final Log logger = LogFactory.getLog(TrackEventInterceptor.class);

  private static final String TRANSACTION_SYNCHRONIZATION =
      "org.springframework.transaction.support.TransactionSynchronizationManager";

  private static final String REACTOR = "reactor.core.publisher.Mono";

  private final ObjectProvider<CrossdeckServer> client;
  private final ObjectProvider<CrossdeckIdentity> identity;
  private final TrackEventEvaluator evaluator;
  private final EventDispatch afterCommit;
  private final EventDispatch inTransaction;
  private volatile @Nullable Boolean durableClient;
  private final @Nullable ReactiveResults reactive;
  private final Map<MethodClassKey, Optional<TrackedMethod>> targets = new ConcurrentHashMap<>();
  private final Set<Method> loggedFailures = ConcurrentHashMap.newKeySet();
  private final LongAdder failures = new LongAdder();

  /**
   * Creates the interceptor.
   *
   * @param client the client events are tracked with
   * @param identity the identity of events whose annotation names none
   * @param beanFactory resolves {@code @bean} references in expressions, and tells whether
   *     transactions and Reactor are available
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
    boolean transactions = ClassUtils.isPresent(TRANSACTION_SYNCHRONIZATION, classLoader);
    this.afterCommit = transactions ? new AfterCommitDispatch() : EventDispatch.IMMEDIATE;
    this.inTransaction =
        transactions ? new InTransactionDispatch(afterCommit) : EventDispatch.IMMEDIATE;
    this.reactive =
        ClassUtils.isPresent(REACTOR, classLoader) ? new ReactiveResults(classLoader) : null;
  }

  @Override
  public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
    TrackedMethod tracked = tracked(invocation);
    if (tracked == null) {
      return invocation.proceed();
    }
    Object result;
    try {
      result = invocation.proceed();
    } catch (Throwable ex) {
      if (tracked.spec().onException()) {
        callNow(invocation, tracked).completed(null, ex);
      }
      throw ex;
    }
    return returned(invocation, tracked, result);
  }

  /** How many annotated calls could not be tracked because of an error in tracking itself. */
  public long failureCount() {
    return failures.sum();
  }

  private @Nullable Object returned(
      MethodInvocation invocation, TrackedMethod tracked, @Nullable Object result) {
    try {
      if (result instanceof CompletionStage<?> stage) {
        TrackedCall call = callLater(invocation, tracked);
        stage.whenComplete(call::completed);
        return result;
      }
      if (reactive != null && ReactiveResults.isPublisher(result)) {
        Optional<Object> tracking =
            reactive.tracked(
                result, invocation.getMethod().getReturnType(), callLater(invocation, tracked));
        if (tracking.isEmpty()) {
          failed(
              tracked.method(),
              new IllegalStateException(
                  "@TrackEvent cannot follow a " + result.getClass().getName() + " result"));
        }
        return tracking.orElse(result);
      }
      callNow(invocation, tracked).completed(result, null);
    } catch (RuntimeException | LinkageError e) {
      failed(tracked.method(), e);
    }
    return result;
  }

  /** A call tracked now, on the calling thread, with its identity as of the moment it returned. */
  private TrackedCall callNow(MethodInvocation invocation, TrackedMethod tracked) {
    return new TrackedCall(
        this,
        tracked,
        invocation.getThis(),
        invocation.getArguments(),
        () -> identity.getObject().hint().orElse(null),
        dispatch());
  }

  /**
   * A call tracked when its result completes, on whatever thread completes it: the identity and the
   * transaction are those of the calling thread now, since the completing thread's may belong to
   * another request.
   */
  private TrackedCall callLater(MethodInvocation invocation, TrackedMethod tracked) {
    IdentityHint hint = identity.getObject().hint().orElse(null);
    Supplier<@Nullable IdentityHint> fixed = () -> hint;
    return new TrackedCall(
        this,
        tracked,
        invocation.getThis(),
        invocation.getArguments(),
        fixed,
        dispatch().decidedNow());
  }

  /**
   * After the commit for a client that queues in memory; at once, in the transaction, for a durable
   * one, whose outbox writes the event with the business data.
   */
  private EventDispatch dispatch() {
    Boolean durable = durableClient;
    if (durable == null) {
      durable = client.getObject().isDurable();
      durableClient = durable;
    }
    return durable ? inTransaction : afterCommit;
  }

  Event evaluate(
      TrackEventEvaluator.Invocation invocation, Supplier<@Nullable IdentityHint> identity) {
    return evaluator.evaluate(invocation, identity);
  }

  void send(Event event, Method method) {
    try {
      client.getObject().track(event);
    } catch (RuntimeException e) {
      failed(method, e);
    }
  }

  void failed(Method method, Throwable error) {
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

  private @Nullable TrackedMethod tracked(MethodInvocation invocation) {
    try {
      Object bean = invocation.getThis();
      Class<?> targetClass =
          bean != null ? AopUtils.getTargetClass(bean) : invocation.getMethod().getDeclaringClass();
      return targets
          .computeIfAbsent(
              new MethodClassKey(invocation.getMethod(), targetClass),
              key -> TrackedMethod.find(invocation.getMethod(), targetClass))
          .orElse(null);
    } catch (RuntimeException | LinkageError e) {
      failed(invocation.getMethod(), e);
      return null;
    }
  }
}
