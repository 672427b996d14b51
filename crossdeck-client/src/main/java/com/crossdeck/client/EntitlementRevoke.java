package com.crossdeck.client;

/**
 * A manual revocation of an entitlement ({@code POST /server/customers/{id}/revoke}, extended
 * contract §3.2).
 *
 * @param customerId the customer's Crossdeck id ({@code cdcust_…})
 * @param entitlementKey the entitlement to revoke
 * @param reason why, kept in the audit log; may be {@code null}
 */
public record EntitlementRevoke(String customerId, String entitlementKey, String reason) {}
