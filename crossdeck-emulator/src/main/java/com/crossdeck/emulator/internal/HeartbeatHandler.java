package com.crossdeck.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/sdk/heartbeat}: proves the key works and reports the server's clock (§a.7). The
 * {@code platform} is {@code web} for a publishable key and {@code server} for a secret key.
 */
final class HeartbeatHandler {

  static final String APP_ID = "app_emulator";

  private final KeyAuthenticator authenticator;

  HeartbeatHandler(KeyAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  ApiResponse handle(HttpCall call) {
    Principal principal = authenticator.authenticate(call);
    ObjectNode heartbeat = Json.object();
    heartbeat.put("object", "heartbeat");
    heartbeat.put("ok", true);
    heartbeat.put("projectId", principal.scope().projectId());
    heartbeat.put("appId", APP_ID);
    heartbeat.put("platform", principal.publishable() ? "web" : "server");
    heartbeat.put("env", principal.environment().wireName());
    heartbeat.put("serverTime", call.receivedAt().toEpochMilli());
    return ApiResponse.json(200, heartbeat);
  }
}
