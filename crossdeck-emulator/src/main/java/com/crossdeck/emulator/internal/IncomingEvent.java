package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import java.util.List;

/**
 * A validated event on its way to the indexer, with server defaults applied: an {@code evt_…} id
 * when it had none and the receive time when it had no timestamp.
 *
 * @param identities its hints, one to three, in {@link IdentityGraph#PRECEDENCE} order
 * @param properties the properties object as compact UTF-8 JSON: the exact bytes the 8 KB limit was
 *     measured on, and several times smaller to keep than a tree of maps, which matters when a
 *     benchmark stores millions of events
 */
record IncomingEvent(
    String eventId,
    String name,
    long timestamp,
    List<IdentityHint> identities,
    byte[] properties) {}
