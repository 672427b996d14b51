package com.crossdeck.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure reported by Crossdeck or by this SDK, in the shape of the Crossdeck error envelope.
 *
 * <p>Every instance carries a {@linkplain #type() type} (for example {@code authentication_error})
 * and a machine-readable {@linkplain #code() code} (for example {@code invalid_api_key}); see
 * {@link ErrorCodes} for the catalogue. Errors derived from an HTTP response also carry the
 * {@linkplain #status() status}, the server's {@linkplain #requestId() request id} and, when the
 * server sent {@code Retry-After}, how long to wait before retrying.
 *
 * <p>The message never contains the secret key. Instances are immutable and safe to share.
 */
public class CrossdeckException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String type;
  private final String code;
  private final int status;
  private final String requestId;
  private final Duration retryAfter;
  private final String minVersion;

  /**
   * Creates an error raised locally, before or without any HTTP exchange.
   *
   * @param type the error type, for example {@link ErrorCodes#TYPE_INVALID_REQUEST}
   * @param code the error code, for example {@link ErrorCodes#MISSING_USER_ID}
   * @param message a human-readable explanation that names the offending field or option
   */
  public CrossdeckException(String type, String code, String message) {
    this(type, code, message, 0, null, null, null, null);
  }

  /**
   * Creates an error with every field of the Crossdeck error envelope.
   *
   * @param type the error type
   * @param code the error code
   * @param message a human-readable explanation
   * @param status the HTTP status, or 0 when no response was received
   * @param requestId the server's request id, or {@code null}
   * @param retryAfter how long the server asked the caller to wait, or {@code null}
   * @param minVersion the minimum SDK version the server accepts (HTTP 426), or {@code null}
   * @param cause the underlying failure, or {@code null}
   */
  public CrossdeckException(
      String type,
      String code,
      String message,
      int status,
      String requestId,
      Duration retryAfter,
      String minVersion,
      Throwable cause) {
    super(message, cause);
    this.type = Objects.requireNonNull(type, "type");
    this.code = Objects.requireNonNull(code, "code");
    this.status = status;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
    this.minVersion = minVersion;
  }

  /** The error type, for example {@code authentication_error} or {@code network_error}. */
  public String type() {
    return type;
  }

  /** The machine-readable error code, for example {@code invalid_api_key}. */
  public String code() {
    return code;
  }

  /** The HTTP status of the response, or 0 when the error was raised without a response. */
  public int status() {
    return status;
  }

  /** The server's request id (from the error body or the {@code x-request-id} header). */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** How long the server asked the caller to wait before retrying ({@code Retry-After}). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The minimum SDK version the server accepts, sent with HTTP 426. */
  public Optional<String> minVersion() {
    return Optional.ofNullable(minVersion);
  }

  /** Whether repeating the same request later may succeed (timeouts, 408, 429 and 5xx). */
  public boolean isRetryable() {
    if (status == 0) {
      return ErrorCodes.TYPE_NETWORK.equals(type);
    }
    return status == 408 || status == 429 || status >= 500;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("CrossdeckException{type=").append(type);
    text.append(", code=").append(code);
    if (status != 0) {
      text.append(", status=").append(status);
    }
    if (requestId != null) {
      text.append(", requestId=").append(requestId);
    }
    return text.append(", message=").append(getMessage()).append('}').toString();
  }
}
