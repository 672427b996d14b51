package com.crossdeck.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The emulator's own controls over HTTP, for tests not written in Java:
 *
 * <ul>
 *   <li>{@code POST /_emulator/faults} with {@code {"failNext": {"count", "status",
 *       "retryAfterMs"?}, "latencyMs", "dropConnections"}} (each part optional) arms faults;
 *   <li>{@code GET /_emulator/faults} shows them, {@code DELETE /_emulator/faults} clears them;
 *   <li>{@code POST /_emulator/reset} forgets everything.
 * </ul>
 */
final class ControlHandler {

  private final FaultPlan faults;
  private final Runnable reset;

  ControlHandler(FaultPlan faults, Runnable reset) {
    this.faults = faults;
    this.reset = reset;
  }

  ApiResponse showFaults() {
    return ApiResponse.json(200, faults.toJson());
  }

  ApiResponse armFaults(HttpCall call) {
    JsonNode body = Json.parse(call.body());
    try {
      JsonNode failNext = body.get("failNext");
      if (failNext != null) {
        faults.failNext(
            integer(failNext, "count"),
            integer(failNext, "status"),
            Duration.ofMillis(failNext.path("retryAfterMs").asLong(0)));
      }
      if (body.has("latencyMs")) {
        faults.latency(Duration.ofMillis(body.get("latencyMs").asLong()));
      }
      if (body.has("dropConnections")) {
        faults.dropConnectionAfterProcessing(integer(body, "dropConnections"));
      }
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          ApiError.invalidRequest("invalid_param_value", e.getMessage(), null, null));
    }
    return ApiResponse.json(200, faults.toJson());
  }

  ApiResponse clearFaults() {
    faults.clear();
    return ApiResponse.json(200, faults.toJson());
  }

  ApiResponse reset() {
    reset.run();
    ObjectNode done = Json.object();
    done.put("object", "reset");
    done.put("ok", true);
    return ApiResponse.json(200, done);
  }

  private static int integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw new IllegalArgumentException(field + " must be an integer.");
    }
    return value.intValue();
  }
}
