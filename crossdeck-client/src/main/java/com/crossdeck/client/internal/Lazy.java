package com.crossdeck.client.internal;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A value created on first use, once, by whichever thread asks first; the others wait for it. It
 * keeps the work of building a client's heavier parts (the HTTP transport, the runtime context) off
 * the thread that calls {@code build()}. Thread-safe.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> {

  // A lock rather than a monitor: a virtual thread waiting for the value must not pin its carrier.
  private final ReentrantLock lock = new ReentrantLock();
  private Supplier<? extends T> factory;
  private volatile T value;

  private Lazy(Supplier<? extends T> factory) {
    this.factory = factory;
  }

  /** A value that {@code factory} creates on first use; the factory must not return null. */
  public static <T> Lazy<T> of(Supplier<? extends T> factory) {
    return new Lazy<>(Objects.requireNonNull(factory, "factory"));
  }

  /** The value, created now if this is the first call; a factory's exception propagates. */
  public T get() {
    T current = value;
    if (current != null) {
      return current;
    }
    lock.lock();
    try {
      if (value == null) {
        value = Objects.requireNonNull(factory.get(), "factory returned null");
        factory = null;
      }
      return value;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the value exists yet; never creates it. */
  public boolean isCreated() {
    return value != null;
  }
}
