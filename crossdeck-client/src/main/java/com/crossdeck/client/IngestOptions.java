package com.crossdeck.client;

import java.time.Duration;

/**
 * Options of one {@link CrossdeckServer#ingest} call.
 *
 * @param idempotencyKey a key you choose for this import, so that running it again (a re-run job, a
 *     retried deploy) stores nothing twice; each request of a multi-request import uses a key
 *     derived from it. {@code null} mints fresh keys.
 * @param deadline how long the whole call may take, retries included
 */
public record IngestOptions(String idempotencyKey, Duration deadline) {

  /** The default deadline: one minute. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(1);

  /** No pinned key, the default deadline. */
  public static final IngestOptions DEFAULTS = new IngestOptions(null, DEFAULT_DEADLINE);

  /** Defaults a missing deadline. */
  public IngestOptions {
    deadline = deadline == null ? DEFAULT_DEADLINE : deadline;
  }

  /** Options with a pinned idempotency key and the default deadline. */
  public static IngestOptions withIdempotencyKey(String idempotencyKey) {
    return new IngestOptions(idempotencyKey, DEFAULT_DEADLINE);
  }

  /** A copy with another deadline. */
  public IngestOptions withDeadline(Duration deadline) {
    return new IngestOptions(idempotencyKey, deadline);
  }
}
