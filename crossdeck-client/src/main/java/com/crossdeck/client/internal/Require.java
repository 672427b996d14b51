package com.crossdeck.client.internal;

import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.IdentityHints;

/**
 * The checks made before any entitlement request (extended contract §1.2), each thrown as an {@code
 * invalid_request_error} naming the field.
 */
public final class Require {

  private Require() {}

  /**
   * At least one of the hints is non-blank.
   *
   * @param call the method's name, for the message
   */
  public static IdentityHints hints(IdentityHints hints, String call) {
    if (hints == null || hints.isEmpty()) {
      throw CrossdeckException.builder(ErrorCodes.TYPE_INVALID_REQUEST, ErrorCodes.MISSING_IDENTITY)
          .message(
              call
                  + " requires at least one of customerId, userId and anonymousId; all were"
                  + " blank.")
          .param("customerId")
          .build();
    }
    return hints;
  }

  /** {@code value} is not blank, else {@code code} naming {@code field}. */
  public static String text(String value, String code, String field, String call) {
    if (value == null || value.isBlank()) {
      throw CrossdeckException.builder(ErrorCodes.TYPE_INVALID_REQUEST, code)
          .message(call + " requires " + field + "; it was blank.")
          .param(field)
          .build();
    }
    return value;
  }
}
