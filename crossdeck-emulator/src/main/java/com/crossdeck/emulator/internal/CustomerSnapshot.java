package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.Entitlement;
import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer as read at one moment, for the read API and the timeline page.
 *
 * @param events the timeline, oldest first (possibly only its most recent part, see {@code
 *     eventCount})
 * @param refusedAliases aliases refused because they would have added a second user, oldest first
 * @param entitlements its entitlements, active and inactive
 * @param eventCount how many events the customer has in total
 */
record CustomerSnapshot(
    String id,
    List<IdentityHint> identifiers,
    String email,
    Map<String, Object> traits,
    List<String> mergedFrom,
    List<RefusedAlias> refusedAliases,
    List<Entitlement> entitlements,
    Instant createdAt,
    Instant lastActivity,
    int eventCount,
    List<StoredEvent> events) {

  /** Whether it holds more than one developer user id, which the graph never allows. */
  boolean holdsSeveralUsers() {
    return identifiers.stream()
            .filter(identifier -> identifier.type() == IdentityHint.Type.DEVELOPER_USER_ID)
            .count()
        > 1;
  }
}
