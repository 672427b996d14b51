package com.crossdeck.client;

import java.time.Duration;

/**
 * The outcome of {@link CrossdeckServer#flush(Duration)} or {@link
 * CrossdeckServer#close(Duration)}.
 *
 * @param completed whether every event queued when the call started was resolved (delivered, or
 *     dropped with a reason) before the timeout
 * @param sent events delivered while the call was waiting
 * @param remaining events still queued or awaiting a retry when the call returned; after {@code
 *     close} these were dropped with reason {@link DropReason#SHUTDOWN}
 * @param elapsed how long the call took
 */
public record FlushResult(boolean completed, long sent, long remaining, Duration elapsed) {}
