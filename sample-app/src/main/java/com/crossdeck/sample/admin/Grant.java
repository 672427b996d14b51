package com.crossdeck.sample.admin;

import java.time.Instant;

/**
 * An entitlement an admin gave a user by hand, such as a month of the pro plan after an outage.
 *
 * @param id the grant's id
 * @param userId who received it
 * @param entitlement what was granted, such as {@code pro}
 * @param expiresAt when it ends
 * @param grantedBy the admin's user id
 */
public record Grant(
    String id, String userId, String entitlement, Instant expiresAt, String grantedBy) {}
