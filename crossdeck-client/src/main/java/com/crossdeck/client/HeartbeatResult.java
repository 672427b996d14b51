package com.crossdeck.client;

import java.time.Instant;

/**
 * The server's answer to {@link CrossdeckServer#heartbeat()}: the key works and identifies this
 * project.
 *
 * @param ok whether the server reported the key healthy
 * @param projectId the project the key belongs to
 * @param appId the app the key belongs to
 * @param environment {@code production} or {@code sandbox}
 * @param serverTime the server's clock, useful to spot clock skew
 */
public record HeartbeatResult(
    boolean ok, String projectId, String appId, String environment, Instant serverTime) {}
