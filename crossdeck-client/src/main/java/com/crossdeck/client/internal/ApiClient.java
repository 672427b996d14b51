package com.crossdeck.client.internal;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.transport.Transport;
import com.crossdeck.client.transport.TransportRequest;
import com.crossdeck.client.transport.TransportResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends requests to the Crossdeck API with the contract's headers, and turns failures into typed
 * {@link CrossdeckException}s. Shared by the sender, {@code identify}, {@code ingest} and {@code
 * heartbeat}. Thread-safe.
 */
public final class ApiClient {

  private final Transport transport;
  private final String baseUrl;
  private final SecretKey secretKey;
  private final Duration timeout;
  private final CrossdeckClock clock;
  private final Map<String, String> headers;

  /**
   * @param transport sends the requests
   * @param baseUrl the API root without a trailing slash, for example {@code
   *     https://api.cross-deck.com/v1}
   * @param secretKey the key for the {@code Authorization} header
   * @param timeout the default time one request may take
   * @param clock the time source, for {@code Retry-After} dates
   */
  public ApiClient(
      Transport transport,
      String baseUrl,
      SecretKey secretKey,
      Duration timeout,
      CrossdeckClock clock) {
    this.transport = transport;
    this.baseUrl = baseUrl;
    this.secretKey = secretKey;
    this.timeout = timeout;
    this.clock = clock;
    Map<String, String> common = new LinkedHashMap<>();
    common.put("Authorization", secretKey.authorizationHeader());
    common.put("Crossdeck-Sdk-Version", SdkInfo.NAME + '@' + SdkInfo.VERSION);
    common.put("Crossdeck-Api-Version", SdkInfo.API_VERSION);
    common.put("User-Agent", SdkInfo.userAgent());
    common.put("Accept", "application/json");
    this.headers = Map.copyOf(common);
  }

  /** The API root this client talks to. */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Sends a POST and returns the response, whatever its status.
   *
   * @param path the path below the base URL, for example {@code /events}
   * @param body the JSON body
   * @param idempotencyKey the {@code Idempotency-Key}, or {@code null} for none
   * @param callTimeout how long the call may take
   * @throws IOException when no response arrived
   */
  public TransportResponse post(
      String path, TransportRequest.Body body, String idempotencyKey, Duration callTimeout)
      throws IOException {
    Map<String, String> requestHeaders = new LinkedHashMap<>(headers);
    requestHeaders.put("Content-Type", body.contentType());
    if (idempotencyKey != null) {
      requestHeaders.put("Idempotency-Key", idempotencyKey);
    }
    return transport.execute(
        new TransportRequest("POST", baseUrl + path, requestHeaders, body, callTimeout));
  }

  /** Sends a GET and returns the response, whatever its status. */
  public TransportResponse get(String path) throws IOException {
    return transport.execute(new TransportRequest("GET", baseUrl + path, headers, null, timeout));
  }

  /** The default per-request timeout. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Sends a request and returns its JSON body, throwing a typed error for anything but a 2xx.
   *
   * @throws CrossdeckException for error responses, transport failures and unreadable bodies
   */
  public JsonNode postForJson(String path, TransportRequest.Body body, String idempotencyKey) {
    TransportResponse response;
    try {
      response = post(path, body, idempotencyKey, timeout);
    } catch (IOException e) {
      throw transportError(e, path);
    }
    return jsonOrThrow(response);
  }

  /** Sends a GET and returns its JSON body, throwing a typed error for anything but a 2xx. */
  public JsonNode getForJson(String path) {
    TransportResponse response;
    try {
      response = get(path);
    } catch (IOException e) {
      throw transportError(e, path);
    }
    return jsonOrThrow(response);
  }

  private JsonNode jsonOrThrow(TransportResponse response) {
    if (!response.isSuccessful()) {
      throw errorFrom(response);
    }
    try {
      return response.body().length == 0
          ? Json.MAPPER.createObjectNode()
          : Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw CrossdeckException.builder(ErrorCodes.TYPE_INTERNAL, ErrorCodes.INVALID_JSON_RESPONSE)
          .message("Crossdeck answered HTTP " + response.status() + " with a body that is not JSON")
          .status(response.status())
          .requestId(response.header("x-request-id"))
          .build();
    }
  }

  /**
   * Reads an error response: the {@code {"error": {...}}} envelope when present, otherwise a type
   * derived from the status and code {@code http_<status>}.
   */
  public CrossdeckException errorFrom(TransportResponse response) {
    int status = response.status();
    JsonNode error = readErrorObject(response.body());
    String type = text(error, "type");
    String code = text(error, "code");
    String message = text(error, "message");
    if (type == null || code == null) {
      type = typeForStatus(status);
      code = "http_" + status;
      message = null;
    }
    String requestId = text(error, "request_id");
    JsonNode index = error == null ? null : error.get("index");
    return CrossdeckException.builder(type, code)
        .message(secretKey.redact(message == null ? "HTTP " + status : message))
        .status(status)
        .requestId(requestId != null ? requestId : response.header("x-request-id"))
        .retryAfter(RetryAfter.parse(response.header("retry-after"), clock.currentTimeMillis()))
        .minVersion(text(error, "minVersion"))
        .param(text(error, "param"))
        .index(index != null && index.canConvertToInt() ? index.intValue() : null)
        .build();
  }

  /**
   * Maps a transport failure: timeouts to {@code request_timeout}, the rest to {@code
   * fetch_failed}.
   */
  public CrossdeckException transportError(IOException failure, String path) {
    boolean timedOut = failure instanceof InterruptedIOException;
    String code = timedOut ? ErrorCodes.REQUEST_TIMEOUT : ErrorCodes.FETCH_FAILED;
    String message =
        timedOut
            ? "Request to " + path + " timed out after " + timeout.toMillis() + " ms"
            : "Request to "
                + path
                + " failed: "
                + secretKey.redact(String.valueOf(failure.getMessage()));
    return CrossdeckException.builder(ErrorCodes.TYPE_NETWORK, code)
        .message(message)
        .cause(failure)
        .build();
  }

  private static JsonNode readErrorObject(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode error = Json.MAPPER.readTree(body).get("error");
      return error != null && error.isObject() ? error : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  private static String typeForStatus(int status) {
    if (status == 401) {
      return ErrorCodes.TYPE_AUTHENTICATION;
    } else if (status == 403) {
      return ErrorCodes.TYPE_PERMISSION;
    } else if (status == 429) {
      return ErrorCodes.TYPE_RATE_LIMIT;
    } else if (status == 426) {
      return ErrorCodes.TYPE_VERSION;
    } else if (status >= 400 && status < 500) {
      return ErrorCodes.TYPE_INVALID_REQUEST;
    }
    return ErrorCodes.TYPE_INTERNAL;
  }
}
