package com.crossdeck.spring.tracking;

import com.crossdeck.spring.identity.CarriedIdentity;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Tracks {@code Mono} and {@code Flux} results when they complete, for each subscription: a {@code
 * Mono} on its value (or on completing empty, with {@code #result} null), a {@code Flux} when it
 * completes, with {@code #result} its last value (holding every value would cost memory without
 * bound). An error tracks only for {@code onException}; a cancellation never does.
 *
 * <p>The identity is the one the subscriber's Reactor {@code Context} carries (the WebFlux
 * request's, see {@link CarriedIdentity#CONTEXT_KEY}), else the one of the thread that called the
 * method. A reactive transaction in that context defers the event to its commit and drops it on
 * rollback. Only loaded when Reactor is on the classpath.
 */
final class ReactiveResults {

  private final @Nullable ReactiveAfterCommit afterCommit;

  ReactiveResults(ClassLoader classLoader) {
    this.afterCommit =
        ClassUtils.isPresent(
                "org.springframework.transaction.reactive.TransactionSynchronizationManager",
                classLoader)
            ? new ReactiveAfterCommit()
            : null;
  }

  /** Whether {@code result} is a publisher this class tracks. */
  static boolean isPublisher(@Nullable Object result) {
    return result instanceof Mono<?> || result instanceof Flux<?>;
  }

  /**
   * The result to return instead of {@code result}: the same signals, tracked on completion. Only
   * when the method's declared type accepts a plain {@code Mono} or {@code Flux}; a subtype (a
   * {@code ConnectableFlux}, say) is returned as is and not tracked.
   */
  Optional<Object> tracked(Object result, Class<?> declaredType, TrackedCall call) {
    if (result instanceof Mono<?> mono && declaredType.isAssignableFrom(Mono.class)) {
      return Optional.of(
          Mono.deferContextual(
              context -> {
                TrackedCall tracked = within(context, call);
                return mono.doOnSuccess(value -> tracked.completed(value, null))
                    .doOnError(error -> tracked.completed(null, error));
              }));
    }
    if (result instanceof Flux<?> flux && declaredType.isAssignableFrom(Flux.class)) {
      return Optional.of(
          Flux.deferContextual(
              context -> {
                TrackedCall tracked = within(context, call);
                LastValue last = new LastValue();
                return flux.doOnNext(last::set)
                    .doOnComplete(() -> tracked.completed(last.value, null))
                    .doOnError(error -> tracked.completed(null, error));
              }));
    }
    return Optional.empty();
  }

  private TrackedCall within(ContextView context, TrackedCall call) {
    Optional<CarriedIdentity> carried = context.getOrEmpty(CarriedIdentity.CONTEXT_KEY);
    EventDispatch dispatch = afterCommit != null ? afterCommit.within(context) : null;
    if (carried.isEmpty() && dispatch == null) {
      return call;
    }
    return call.in(
        carried.isPresent() ? () -> carried.get().hint().orElse(null) : call.identity(),
        dispatch != null ? dispatch : call.dispatch());
  }

  /**
   * The last value of one subscription. Reactive Streams signals are serial, so the completion
   * signal sees the last value written.
   */
  private static final class LastValue {

    private @Nullable Object value;

    void set(Object next) {
      value = next;
    }
  }
}
