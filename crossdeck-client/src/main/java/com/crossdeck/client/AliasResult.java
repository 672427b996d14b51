package com.crossdeck.client;

import java.util.List;

/**
 * The server's answer to {@link CrossdeckServer#identify}: the customer the identifiers now resolve
 * to.
 *
 * @param crossdeckCustomerId the customer every linked identifier resolves to ({@code cdcust_…})
 * @param linked the identifiers linked to that customer
 * @param mergePending whether merging two existing customers is still being applied server-side
 * @param environment {@code production} or {@code sandbox}
 */
public record AliasResult(
    String crossdeckCustomerId,
    List<LinkedIdentifier> linked,
    boolean mergePending,
    String environment) {

  /** Freezes the list. */
  public AliasResult {
    linked = List.copyOf(linked);
  }

  /**
   * One identifier linked to the customer.
   *
   * @param type {@code developer} for a user id, {@code anonymous} for an anonymous id
   * @param id the identifier
   */
  public record LinkedIdentifier(String type, String id) {}
}
