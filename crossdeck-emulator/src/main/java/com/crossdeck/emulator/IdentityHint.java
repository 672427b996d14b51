package com.crossdeck.emulator;

import java.util.Objects;

/**
 * One identifier of a person: the identity hint an event was sent with, or one of the identifiers
 * linked to a customer.
 *
 * @param type which kind of identifier this is
 * @param value the identifier as sent
 */
public record IdentityHint(Type type, String value) {

  /** The three kinds of identifier an event can carry; an event carries exactly one. */
  public enum Type {
    /** The application's own stable user id: wire field {@code developerUserId}. */
    DEVELOPER_USER_ID("developerUserId", "developer"),
    /** A device or browser id minted before sign-in: wire field {@code anonymousId}. */
    ANONYMOUS_ID("anonymousId", "anonymous"),
    /** Crossdeck's own customer id ({@code cdcust_…}): wire field {@code crossdeckCustomerId}. */
    CROSSDECK_CUSTOMER_ID("crossdeckCustomerId", "customer");

    private final String fieldName;
    private final String linkType;

    Type(String fieldName, String linkType) {
      this.fieldName = fieldName;
      this.linkType = linkType;
    }

    /** The event field that carries this kind of identifier, e.g. {@code developerUserId}. */
    public String fieldName() {
      return fieldName;
    }

    /**
     * The name used for this kind in identity responses, e.g. {@code developer} in an alias
     * result's {@code linked} list.
     */
    public String linkType() {
      return linkType;
    }
  }

  /** Validates that both parts are present. */
  public IdentityHint {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /** The wire field name of this hint, e.g. {@code anonymousId}. */
  public String field() {
    return type.fieldName();
  }

  @Override
  public String toString() {
    return type.fieldName() + "=" + value;
  }
}
