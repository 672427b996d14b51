package com.crossdeck.spring.identity;

import org.jspecify.annotations.Nullable;

/**
 * The identity a task takes from the thread that submitted it to the thread that runs it: the user
 * id as resolved at submission, and the identity the request presented. Immutable.
 *
 * <p>The user id travels as a resolved value rather than as a security context because a worker
 * thread has none of its own, and the resolvers that read one would find nothing there.
 *
 * @param userId the user id resolved on the submitting thread, or {@code null}
 * @param request the request identity bound on the submitting thread, or {@code null}
 */
record CarriedIdentity(@Nullable String userId, @Nullable RequestIdentity request) {

  private static final ThreadLocal<String> CARRIED_USER_ID = new ThreadLocal<>();

  /** The user id a running task carried over, if the current thread runs one. */
  static @Nullable String carriedUserId() {
    return CARRIED_USER_ID.get();
  }

  boolean isEmpty() {
    return userId == null && request == null;
  }

  /**
   * Binds this identity to the current thread until the returned scope is closed: its request
   * identity replaces the thread's, and its user id, when it has one, wins over the resolvers.
   */
  RequestIdentity.Scope bind() {
    String previousUserId = CARRIED_USER_ID.get();
    RequestIdentity.Scope requestScope = (request != null ? request : RequestIdentity.NONE).bind();
    set(userId);
    return () -> {
      set(previousUserId);
      requestScope.close();
    };
  }

  private static void set(@Nullable String userId) {
    if (userId == null) {
      CARRIED_USER_ID.remove();
    } else {
      CARRIED_USER_ID.set(userId);
    }
  }
}
