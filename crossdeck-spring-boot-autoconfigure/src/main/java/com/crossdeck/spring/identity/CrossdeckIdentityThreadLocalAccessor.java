package com.crossdeck.spring.identity;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Lets Micrometer's context-propagation library move the {@link CarriedIdentity} between the
 * threads that run one piece of work, under the key {@link CarriedIdentity#CONTEXT_KEY}. Registered
 * through {@code META-INF/services}, so it needs no bean.
 *
 * <p>This is what makes {@code crossdeck.track(...)} inside a WebFlux request chain attribute the
 * event to the request: the starter's WebFilter puts the request's identity in the Reactor {@code
 * Context}, and Reactor restores it on the thread of each operator that runs with context
 * propagation (every operator with {@code spring.reactor.context-propagation=auto}; {@code handle}
 * and {@code tap} otherwise), as Spring WebFlux does around controller methods. It serves {@code
 * ContextPropagatingTaskDecorator} and {@code ContextSnapshot} users the same way.
 */
public final class CrossdeckIdentityThreadLocalAccessor
    implements ThreadLocalAccessor<CarriedIdentity> {

  @Override
  public Object key() {
    return CarriedIdentity.CONTEXT_KEY;
  }

  /** The identity bound to the current thread, or {@code null} (nothing to carry) when none. */
  @Override
  public CarriedIdentity getValue() {
    CarriedIdentity bound = CarriedIdentity.bound();
    return bound.isEmpty() ? null : bound;
  }

  @Override
  public void setValue(CarriedIdentity value) {
    CarriedIdentity.set(value);
  }

  @Override
  public void setValue() {
    CarriedIdentity.set(CarriedIdentity.NONE);
  }

  @Override
  public void restore(CarriedIdentity previousValue) {
    CarriedIdentity.set(previousValue);
  }

  @Override
  public void restore() {
    CarriedIdentity.set(CarriedIdentity.NONE);
  }
}
