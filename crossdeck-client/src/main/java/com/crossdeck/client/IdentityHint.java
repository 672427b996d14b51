package com.crossdeck.client;

import java.util.Objects;

/**
 * The one identifier that ties an event to a customer.
 *
 * <p>Crossdeck resolves each of the three kinds to the same customer once they are linked with
 * {@link CrossdeckServer#identify}: your application's stable user id, the anonymous id the browser
 * SDK minted for a visitor, or Crossdeck's own customer id.
 *
 * @param kind which identifier this is
 * @param value the identifier; blank values count as "no identity"
 */
public record IdentityHint(Kind kind, String value) {

  /** Requires a kind; the value is checked when an event is tracked, never here. */
  public IdentityHint {
    Objects.requireNonNull(kind, "kind");
  }

  /** Your application's stable user id (never an email address). */
  public static IdentityHint developerUserId(String userId) {
    return new IdentityHint(Kind.DEVELOPER_USER_ID, userId);
  }

  /** The visitor's anonymous id from the web SDK ({@code anon_…}). */
  public static IdentityHint anonymousId(String anonymousId) {
    return new IdentityHint(Kind.ANONYMOUS_ID, anonymousId);
  }

  /** Crossdeck's customer id ({@code cdcust_…}). */
  public static IdentityHint crossdeckCustomerId(String customerId) {
    return new IdentityHint(Kind.CROSSDECK_CUSTOMER_ID, customerId);
  }

  /** Whether the value is blank, in which case the hint counts as absent. */
  public boolean isBlank() {
    return value == null || value.isBlank();
  }

  /** The three kinds of identifier, each with its field name on the wire. */
  public enum Kind {
    /** Your application's user id; wire field {@code developerUserId}. */
    DEVELOPER_USER_ID("developerUserId"),
    /** The web SDK's anonymous visitor id; wire field {@code anonymousId}. */
    ANONYMOUS_ID("anonymousId"),
    /** Crossdeck's customer id; wire field {@code crossdeckCustomerId}. */
    CROSSDECK_CUSTOMER_ID("crossdeckCustomerId");

    private final String field;

    Kind(String field) {
      this.field = field;
    }

    /** The JSON field name this identifier is sent as. */
    public String field() {
      return field;
    }
  }
}
