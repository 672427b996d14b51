package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.Environment;

/**
 * The unit that owns data: customers, the identity graph, the {@code eventId} dedup set and the
 * idempotency cache are all per project and environment, so sandbox and production never mix.
 */
record Scope(String projectId, Environment environment) {

  /** Every key the emulator accepts belongs to this one project. */
  static final String PROJECT_ID = "proj_emulator";

  static Scope of(Environment environment) {
    return new Scope(PROJECT_ID, environment);
  }
}
