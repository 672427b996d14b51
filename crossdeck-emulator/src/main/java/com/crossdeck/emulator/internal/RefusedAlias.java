package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import java.time.Instant;

/**
 * An alias the identity graph refused because it would have put a second developer user id on a
 * customer; kept on that customer so its timeline page can say so.
 *
 * @param at when the alias arrived
 * @param userId the user id the alias tried to link
 * @param identifier the identifier it tried to take, which stayed where it was
 */
record RefusedAlias(Instant at, String userId, IdentityHint identifier) {}
