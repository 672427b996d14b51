package com.crossdeck.spring.identity;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The identity a request presented before any authentication: the web SDK's anonymous id and the
 * Crossdeck customer id, taken from request headers and cookies. Immutable.
 *
 * <p>The starter's servlet filter binds one to the request thread for the duration of each request
 * (and again on async dispatches). Code that handles work outside a web request, such as a message
 * listener that receives the visitor's anonymous id, can bind one itself:
 *
 * <pre>{@code
 * try (RequestIdentity.Scope scope = new RequestIdentity(message.anonymousId(), null).bind()) {
 *   crossdeck.track(Event.builder("cart_abandoned").build());
 * }
 * }</pre>
 *
 * @param anonymousId the web SDK's anonymous id ({@code anon_…}), or {@code null}
 * @param customerId the Crossdeck customer id ({@code cdcust_…}), or {@code null}
 */
public record RequestIdentity(@Nullable String anonymousId, @Nullable String customerId) {

  /** No identity presented. */
  public static final RequestIdentity NONE = new RequestIdentity(null, null);

  private static final ThreadLocal<RequestIdentity> CURRENT = new ThreadLocal<>();

  /** The identity bound to the current thread, if any. */
  public static Optional<RequestIdentity> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * Binds this identity to the current thread until the returned scope is closed, which restores
   * whatever was bound before. Close it on the same thread, in a {@code finally} or
   * try-with-resources block, so pooled threads never leak one request's identity into the next.
   */
  public Scope bind() {
    RequestIdentity previous = CURRENT.get();
    set(this);
    return () -> set(previous);
  }

  /** Binds {@code identity} to the current thread, or unbinds when it is {@code null}. */
  static void set(@Nullable RequestIdentity identity) {
    if (identity == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(identity);
    }
  }

  /** A binding of a {@link RequestIdentity} to a thread; closing it restores the previous one. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {

    /** Restores the identity bound before. */
    @Override
    void close();
  }
}
