package com.crossdeck.client.internal.http;

import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.internal.encoding.Json;
import com.crossdeck.client.transport.TransportResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The answer of a call whose caller waits for it ({@code identify}, {@code heartbeat}): the JSON
 * body of a success, or the typed error of any other outcome, thrown. No retries: the caller gets
 * the answer and decides. Kept apart from {@link ApiClient} so that building a client loads no JSON
 * classes.
 */
public final class DirectCall {

  private DirectCall() {}

  /**
   * The JSON body of a success.
   *
   * @throws CrossdeckException for error responses, transport failures and unreadable bodies
   */
  public static JsonNode jsonOf(ApiOutcome outcome) {
    if (outcome instanceof ApiOutcome.Success success) {
      return readJson(success.response());
    } else if (outcome instanceof ApiOutcome.Retryable retryable) {
      throw retryable.error();
    } else if (outcome instanceof ApiOutcome.Rejected rejected) {
      throw rejected.error();
    }
    throw ((ApiOutcome.Unavailable) outcome).error();
  }

  /**
   * The JSON body of a 2xx answer that is a success whatever it says: an empty object when the body
   * is missing or cannot be read.
   */
  public static JsonNode readJsonOrEmpty(TransportResponse response) {
    try {
      return readJson(response);
    } catch (CrossdeckException e) {
      return Json.mapper().createObjectNode();
    }
  }

  /**
   * The JSON body of a 2xx answer, an empty object when it has none.
   *
   * @throws CrossdeckException {@code invalid_json_response} when the body is not JSON
   */
  public static JsonNode readJson(TransportResponse response) {
    try {
      return response.body().length == 0
          ? Json.mapper().createObjectNode()
          : Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw CrossdeckException.builder(ErrorCodes.TYPE_INTERNAL, ErrorCodes.INVALID_JSON_RESPONSE)
          .message("Crossdeck answered HTTP " + response.status() + " with a body that is not JSON")
          .status(response.status())
          .requestId(response.header("x-request-id"))
          .build();
    }
  }
}
