package com.crossdeck.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A failure reported by Crossdeck or by this SDK, in the shape of the Crossdeck error envelope.
 *
 * <p>Every instance carries a {@linkplain #type() type} (for example {@code authentication_error})
 * and a machine-readable {@linkplain #code() code} (for example {@code invalid_api_key}); see
 * {@link ErrorCodes} for the catalogue. Errors derived from an HTTP response also carry the
 * {@linkplain #status() status}, the server's {@linkplain #requestId() request id}, the offending
 * {@linkplain #param() parameter} and event {@linkplain #index() index} when the server named them,
 * and how long to wait before retrying when the server sent {@code Retry-After}.
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
  private final String param;
  private final Integer index;

  /**
   * Creates an error raised locally, before or without any HTTP exchange.
   *
   * @param type the error type, for example {@link ErrorCodes#TYPE_INVALID_REQUEST}
   * @param code the error code, for example {@link ErrorCodes#MISSING_USER_ID}
   * @param message a human-readable explanation that names the offending field or option
   */
  public CrossdeckException(String type, String code, String message) {
    this(builder(type, code).message(message));
  }

  /** Creates an error from a builder; see {@link #builder(String, String)}. */
  protected CrossdeckException(Builder builder) {
    super(builder.message, builder.cause);
    this.type = builder.type;
    this.code = builder.code;
    this.status = builder.status;
    this.requestId = builder.requestId;
    this.retryAfter = builder.retryAfter;
    this.minVersion = builder.minVersion;
    this.param = builder.param;
    this.index = builder.index;
  }

  /**
   * Starts building an error with every field of the Crossdeck error envelope.
   *
   * @param type the error type
   * @param code the error code
   */
  public static Builder builder(String type, String code) {
    return new Builder(type, code);
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

  /** The request field the error is about, for example {@code developerUserId}. */
  public Optional<String> param() {
    return Optional.ofNullable(param);
  }

  /** The position of the offending event in the request's {@code events} array. */
  public OptionalInt index() {
    return index == null ? OptionalInt.empty() : OptionalInt.of(index);
  }

  /** Whether repeating the same request later may succeed (transport failures, 408, 429, 5xx). */
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

  /** Collects the fields of a {@link CrossdeckException}. Not thread-safe. */
  public static final class Builder {
    private final String type;
    private final String code;
    private String message;
    private int status;
    private String requestId;
    private Duration retryAfter;
    private String minVersion;
    private String param;
    private Integer index;
    private Throwable cause;

    private Builder(String type, String code) {
      this.type = Objects.requireNonNull(type, "type");
      this.code = Objects.requireNonNull(code, "code");
      this.message = code;
    }

    /** A human-readable explanation; must not contain the secret key. */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /** The HTTP status, or 0 when no response was received. */
    public Builder status(int status) {
      this.status = status;
      return this;
    }

    /** The server's request id. */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** How long the server asked the caller to wait. */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /** The minimum SDK version the server accepts. */
    public Builder minVersion(String minVersion) {
      this.minVersion = minVersion;
      return this;
    }

    /** The request field the error is about. */
    public Builder param(String param) {
      this.param = param;
      return this;
    }

    /** The position of the offending event in the request. */
    public Builder index(Integer index) {
      this.index = index;
      return this;
    }

    /** The underlying failure. */
    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /** Builds the exception. */
    public CrossdeckException build() {
      return new CrossdeckException(this);
    }
  }
}
