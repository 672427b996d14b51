package com.crossdeck.client.internal.http;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.internal.Lazy;
import com.crossdeck.client.internal.SdkInfo;
import com.crossdeck.client.internal.SecretKey;
import com.crossdeck.client.transport.Transport;
import com.crossdeck.client.transport.TransportRequest;
import com.crossdeck.client.transport.TransportResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that sends a request to the Crossdeck API and classifies the answer as an {@link
 * ApiOutcome}. It adds the contract's headers (§a.2), and it catches everything a transport can
 * throw: an {@link IOException}, an unchecked exception or an {@link Error} from a misbehaving
 * transport is a failure that may pass (retryable), and a {@link LinkageError} means the transport
 * cannot run at all. The batch sender, {@code ingest}, {@code identify} and the heartbeat all send
 * through it. Thread-safe.
 */
public final class ApiClient {

  private final TransportHolder transport;
  private final String baseUrl;
  private final SecretKey secretKey;
  private final Duration timeout;
  private final CrossdeckClock clock;
  private final Lazy<Map<String, String>> headers;

  /**
   * @param transport sends the requests; created on first use
   * @param baseUrl the API root without a trailing slash, for example {@code
   *     https://api.cross-deck.com/v1}
   * @param secretKey the key for the {@code Authorization} header
   * @param timeout how long one request may take
   * @param clock the time source, for {@code Retry-After} dates
   */
  public ApiClient(
      TransportHolder transport,
      String baseUrl,
      SecretKey secretKey,
      Duration timeout,
      CrossdeckClock clock) {
    this.transport = transport;
    this.baseUrl = baseUrl;
    this.secretKey = secretKey;
    this.timeout = timeout;
    this.clock = clock;
    this.headers = Lazy.of(() -> commonHeaders(secretKey));
  }

  /** The headers of every request, in the order they are sent. */
  private static Map<String, String> commonHeaders(SecretKey secretKey) {
    Map<String, String> common = new LinkedHashMap<>();
    common.put("Authorization", secretKey.authorizationHeader());
    common.put("Crossdeck-Sdk-Version", SdkInfo.versionHeader());
    common.put("Crossdeck-Api-Version", SdkInfo.API_VERSION);
    common.put("User-Agent", SdkInfo.userAgent());
    common.put("Accept", "application/json");
    return common;
  }

  /**
   * Sends a POST and classifies the answer; never throws.
   *
   * @param path the path below the base URL, for example {@code /events}
   * @param body the JSON body
   * @param idempotencyKey the {@code Idempotency-Key}, or {@code null} for none
   */
  public ApiOutcome post(String path, TransportRequest.Body body, String idempotencyKey) {
    Map<String, String> requestHeaders = new LinkedHashMap<>(headers.get());
    requestHeaders.put("Content-Type", body.contentType());
    if (idempotencyKey != null) {
      requestHeaders.put("Idempotency-Key", idempotencyKey);
    }
    return exchange(
        path, new TransportRequest("POST", baseUrl + path, requestHeaders, body, timeout));
  }

  /** Sends a GET and classifies the answer; never throws. */
  public ApiOutcome get(String path) {
    return exchange(
        path, new TransportRequest("GET", baseUrl + path, headers.get(), null, timeout));
  }

  private ApiOutcome exchange(String path, TransportRequest request) {
    Transport sender;
    try {
      sender = transport.get();
    } catch (TransportHolder.Unavailable e) {
      return new ApiOutcome.Unavailable(unavailable(e.getMessage(), e.getCause()));
    }
    TransportResponse response;
    try {
      response = sender.execute(request);
    } catch (IOException e) {
      return new ApiOutcome.Retryable(networkError(e, path));
    } catch (LinkageError e) {
      return new ApiOutcome.Unavailable(
          unavailable("The HTTP transport cannot run: " + TransportHolder.describe(e), e));
    } catch (Throwable e) {
      // A transport that throws anything else is treated like a network failure: it may pass.
      return new ApiOutcome.Retryable(networkError(new IOException(e.toString(), e), path));
    }
    if (response.isSuccessful()) {
      return new ApiOutcome.Success(response);
    }
    CrossdeckException error = ErrorResponse.read(response, secretKey, clock.currentTimeMillis());
    return error.isRetryable() ? new ApiOutcome.Retryable(error) : new ApiOutcome.Rejected(error);
  }

  /** The failure of a request that got no response: a timeout, or any other network error. */
  private CrossdeckException networkError(IOException failure, String path) {
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

  private CrossdeckException unavailable(String message, Throwable cause) {
    return CrossdeckException.builder(
            ErrorCodes.TYPE_CONFIGURATION, ErrorCodes.TRANSPORT_UNAVAILABLE)
        .message(secretKey.redact(message))
        .cause(cause)
        .build();
  }
}
