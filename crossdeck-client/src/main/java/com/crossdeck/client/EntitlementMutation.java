package com.crossdeck.client;

/**
 * Crossdeck's answer to a grant or a revocation (extended contract §3.3). Immutable.
 *
 * @param action {@code grant} or {@code revoke}
 * @param crossdeckCustomerId the customer's canonical id
 * @param entitlement the entitlement's state after the change
 * @param environment {@code production} or {@code sandbox}
 */
public record EntitlementMutation(
    String action, String crossdeckCustomerId, Entitlement entitlement, String environment) {}
