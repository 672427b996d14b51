package com.crossdeck.client;

import java.time.Instant;

/**
 * Crossdeck's answer to {@link CrossdeckServer#forget} (extended contract §4). Immutable.
 *
 * @param crossdeckCustomerId the customer erased, or {@code null} when no hint matched anyone
 * @param queuedAt when the erasure was queued
 * @param environment {@code production} or {@code sandbox}
 */
public record ForgetResult(String crossdeckCustomerId, Instant queuedAt, String environment) {}
