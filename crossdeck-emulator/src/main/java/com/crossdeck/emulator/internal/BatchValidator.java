package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.Environment;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The envelope rules of {@code POST /v1/events}: {@code events} is an array of 1–100 events ({@code
 * invalid_param_value}, param {@code events}), a declared {@code environment} matches the key (403
 * {@code env_mismatch}), then every event in order ({@link EventValidator}). The first failure
 * rejects the whole batch, so nothing of it is stored.
 */
final class BatchValidator {

  static final int MAX_EVENTS = 100;

  private BatchValidator() {}

  static List<IncomingEvent> validate(
      JsonNode body, Environment keyEnvironment, long receivedAtMillis) {
    JsonNode events = body.get("events");
    if (events == null || !events.isArray() || events.isEmpty() || events.size() > MAX_EVENTS) {
      throw new ApiException(
          ApiError.invalidRequest(
              "invalid_param_value",
              "events must be an array of 1-" + MAX_EVENTS + " events.",
              "events",
              null));
    }
    JsonNode declared = body.get("environment");
    if (declared != null
        && !declared.isNull()
        && !keyEnvironment.wireName().equals(declared.asText())) {
      throw new ApiException(
          ApiError.of(
                  403,
                  "env_mismatch",
                  "The batch declares environment '"
                      + declared.asText()
                      + "' but the key belongs to "
                      + keyEnvironment.wireName()
                      + ".")
              .withParam("environment"));
    }
    List<IncomingEvent> accepted = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      accepted.add(EventValidator.validate(events.get(i), i, receivedAtMillis));
    }
    return accepted;
  }
}
