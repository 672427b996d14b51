package com.crossdeck.client;

/**
 * Who an entitlement read or an erasure is about: any of Crossdeck's customer id, your
 * application's user id and the visitor's anonymous id (extended contract §2.3, §4). All the hints
 * given are sent together; at least one must be non-blank. Immutable.
 *
 * <pre>{@code
 * crossdeck.entitlements().get(IdentityHints.forUser("user_847"));
 * crossdeck.forget(IdentityHints.forUser("user_847").withAnonymousId(anonymousId));
 * }</pre>
 *
 * @param customerId Crossdeck's customer id ({@code cdcust_…}), or {@code null}
 * @param userId your application's stable user id, or {@code null}
 * @param anonymousId the browser SDK's anonymous id ({@code anon_…}), or {@code null}
 */
public record IdentityHints(String customerId, String userId, String anonymousId) {

  /** Hints naming a Crossdeck customer id. */
  public static IdentityHints forCustomer(String customerId) {
    return new IdentityHints(customerId, null, null);
  }

  /** Hints naming your application's user id. */
  public static IdentityHints forUser(String userId) {
    return new IdentityHints(null, userId, null);
  }

  /** Hints naming a visitor's anonymous id. */
  public static IdentityHints forAnonymous(String anonymousId) {
    return new IdentityHints(null, null, anonymousId);
  }

  /** The hints of one {@link IdentityHint}, as events carry it. */
  public static IdentityHints of(IdentityHint hint) {
    if (hint == null) {
      return new IdentityHints(null, null, null);
    }
    return switch (hint.kind()) {
      case DEVELOPER_USER_ID -> forUser(hint.value());
      case ANONYMOUS_ID -> forAnonymous(hint.value());
      case CROSSDECK_CUSTOMER_ID -> forCustomer(hint.value());
    };
  }

  /** A copy that also names this customer id. */
  public IdentityHints withCustomerId(String customerId) {
    return new IdentityHints(customerId, userId, anonymousId);
  }

  /** A copy that also names this user id. */
  public IdentityHints withUserId(String userId) {
    return new IdentityHints(customerId, userId, anonymousId);
  }

  /** A copy that also names this anonymous id. */
  public IdentityHints withAnonymousId(String anonymousId) {
    return new IdentityHints(customerId, userId, anonymousId);
  }

  /** Whether no hint is given (all are null or blank). */
  public boolean isEmpty() {
    return isBlank(customerId) && isBlank(userId) && isBlank(anonymousId);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
