package com.crossdeck.spring.identity;

import com.crossdeck.client.IdentityHint;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The identity a unit of work takes from where it started to where it runs: the user id as resolved
 * where it started, and the identity the request presented. Immutable.
 *
 * <p>The user id travels as a resolved value rather than as a security context because the thread
 * that runs the work (an executor's, a Reactor scheduler's, a Netty event loop) has none of its
 * own, and the resolvers that read one would find nothing there, or another request's.
 *
 * <p>The starter carries it for you: to {@code @Async} tasks through the {@link
 * CrossdeckIdentityTaskDecorator}, and through WebFlux request chains in the Reactor {@code
 * Context} under {@link #CONTEXT_KEY}, from which Reactor restores it on whatever thread runs an
 * operator (see {@link CrossdeckIdentityThreadLocalAccessor}). Reactive code outside a web request
 * can put one there itself:
 *
 * <pre>{@code
 * return handle(message)
 *     .contextWrite(Context.of(CarriedIdentity.CONTEXT_KEY,
 *         new CarriedIdentity(null, new RequestIdentity(message.anonymousId(), null))));
 * }</pre>
 *
 * @param userId the user id resolved where the work started, or {@code null}
 * @param request the request identity presented where the work started, or {@code null}
 */
public record CarriedIdentity(@Nullable String userId, @Nullable RequestIdentity request) {

  /** The key of the carried identity in a Reactor {@code Context}. */
  public static final String CONTEXT_KEY = "com.crossdeck.identity";

  /** No identity. */
  public static final CarriedIdentity NONE = new CarriedIdentity(null, null);

  private static final ThreadLocal<String> CARRIED_USER_ID = new ThreadLocal<>();

  /** The user id a running unit of work carried over, if the current thread runs one. */
  static @Nullable String carriedUserId() {
    return CARRIED_USER_ID.get();
  }

  /** What is bound to the current thread: a carried user id and the request identity. */
  static CarriedIdentity bound() {
    String userId = CARRIED_USER_ID.get();
    RequestIdentity request = RequestIdentity.current().orElse(null);
    return userId == null && request == null ? NONE : new CarriedIdentity(userId, request);
  }

  /** Replaces what is bound to the current thread; {@link #NONE} unbinds everything. */
  static void set(CarriedIdentity identity) {
    if (identity.userId == null) {
      CARRIED_USER_ID.remove();
    } else {
      CARRIED_USER_ID.set(identity.userId);
    }
    RequestIdentity.set(identity.request);
  }

  /** Whether it holds neither a user id nor a request identity. */
  public boolean isEmpty() {
    return userId == null && request == null;
  }

  /**
   * The identity an event gets from this alone: the user id, else the anonymous id, else the
   * customer id. A signed-in user always wins over what the request presented.
   */
  public Optional<IdentityHint> hint() {
    if (userId != null) {
      return Optional.of(IdentityHint.developerUserId(userId));
    }
    if (request != null && request.anonymousId() != null) {
      return Optional.of(IdentityHint.anonymousId(request.anonymousId()));
    }
    if (request != null && request.customerId() != null) {
      return Optional.of(IdentityHint.crossdeckCustomerId(request.customerId()));
    }
    return Optional.empty();
  }

  /**
   * Binds this identity to the current thread until the returned scope is closed, which restores
   * what was bound before: its request identity replaces the thread's, and its user id, when it has
   * one, wins over the resolvers. Close it on the same thread.
   */
  public RequestIdentity.Scope bind() {
    CarriedIdentity previous = bound();
    set(this);
    return () -> set(previous);
  }
}
