package com.crossdeck.client;

/**
 * Links identifiers that belong to one person, for {@link CrossdeckServer#aliasIdentity}.
 *
 * <p>The user id is required, plus at least one other identifier: the visitor's anonymous id (the
 * common signup/login case) or a Crossdeck customer id (merging an account Crossdeck already knows
 * under another customer).
 *
 * @param userId your application's user id
 * @param anonymousId the web SDK's anonymous id, or {@code null}
 * @param crossdeckCustomerId a Crossdeck customer id to merge in, or {@code null}
 * @param traits the person's email and attributes
 */
public record AliasRequest(
    String userId, String anonymousId, String crossdeckCustomerId, Traits traits) {

  /** Defaults missing traits to {@link Traits#NONE}. */
  public AliasRequest {
    traits = traits == null ? Traits.NONE : traits;
  }

  /** Links a user id with an anonymous id. */
  public static AliasRequest userAndAnonymous(String userId, String anonymousId) {
    return new AliasRequest(userId, anonymousId, null, Traits.NONE);
  }

  /** Merges a Crossdeck customer into the customer of a user id. */
  public static AliasRequest userAndCustomer(String userId, String crossdeckCustomerId) {
    return new AliasRequest(userId, null, crossdeckCustomerId, Traits.NONE);
  }

  /** A copy with these traits. */
  public AliasRequest withTraits(Traits traits) {
    return new AliasRequest(userId, anonymousId, crossdeckCustomerId, traits);
  }
}
