package com.crossdeck.client;

/**
 * The error types and codes this SDK raises or receives, from the Crossdeck error catalogue.
 *
 * <p>Codes are plain strings so that a code added on the server later still reaches the caller
 * unchanged through {@link CrossdeckException#code()}.
 */
public final class ErrorCodes {

  /** Type of errors in the caller's input. */
  public static final String TYPE_INVALID_REQUEST = "invalid_request_error";

  /** Type of errors about the secret key or a webhook signature. */
  public static final String TYPE_AUTHENTICATION = "authentication_error";

  /** Type of errors where the key is valid but not allowed to do this. */
  public static final String TYPE_PERMISSION = "permission_error";

  /** Type of errors raised when the caller is over the rate limit. */
  public static final String TYPE_RATE_LIMIT = "rate_limit_error";

  /** Type of errors raised when this SDK version is no longer accepted (HTTP 426). */
  public static final String TYPE_VERSION = "version_error";

  /** Type of server-side failures. */
  public static final String TYPE_INTERNAL = "internal_error";

  /** Type of transport failures: no HTTP response was received. */
  public static final String TYPE_NETWORK = "network_error";

  /** Type of errors in the SDK's own configuration. */
  public static final String TYPE_CONFIGURATION = "configuration_error";

  /** The key given to the builder is not a secret key ({@code cd_sk_…}). */
  public static final String INVALID_SECRET_KEY = "invalid_secret_key";

  /** A builder option is outside its valid range. */
  public static final String INVALID_OPTION = "invalid_option";

  /** {@code identify} or {@code aliasIdentity} was called without a user id. */
  public static final String MISSING_USER_ID = "missing_user_id";

  /** {@code identify} was called without an anonymous id. */
  public static final String MISSING_ANONYMOUS_ID = "missing_anonymous_id";

  /**
   * An event has no identity hint and no fallback identity was available; or an entitlement read or
   * an erasure was given none of {@code customerId}, {@code userId} and {@code anonymousId}.
   */
  public static final String MISSING_IDENTITY = "missing_identity";

  /** An event carries more than one identity hint; link identities with {@code identify}. */
  public static final String MULTIPLE_IDENTITY_HINTS = "multiple_identity_hints";

  /** An identity hint is longer than the server accepts. */
  public static final String INVALID_IDENTITY = "invalid_identity";

  /** An event has no name. */
  public static final String MISSING_EVENT_NAME = "missing_event_name";

  /** An event name is longer than the server accepts. */
  public static final String EVENT_NAME_TOO_LONG = "event_name_too_long";

  /** An event id is empty or longer than the server accepts. */
  public static final String INVALID_EVENT_ID = "invalid_event_id";

  /** {@code ingest} was called with no events. */
  public static final String MISSING_EVENTS = "missing_events";

  /** An event could not be serialized even after coercing its properties. */
  public static final String SERIALIZATION_FAILED = "serialization_failed";

  /** The client was closed; events are no longer accepted. */
  public static final String CLIENT_CLOSED = "client_closed";

  /**
   * The client failed and accepts no events: it cannot deliver anything (see {@link
   * Diagnostics.Delivery#failure()}).
   */
  public static final String CLIENT_FAILED = "client_failed";

  /**
   * An event tracked inside a transaction was refused because the transaction already holds the
   * most events the outbox keeps for one transaction until it commits.
   */
  public static final String OUTBOX_TRANSACTION_FULL = "outbox_transaction_full";

  /** An event's timestamp is outside the range the API can carry. */
  public static final String INVALID_TIMESTAMP = "invalid_timestamp";

  /**
   * The HTTP transport could not be created or cannot run (for example an HTTP library missing or
   * of an incompatible version); nothing can be sent.
   */
  public static final String TRANSPORT_UNAVAILABLE = "transport_unavailable";

  /** Transport failure: the connection failed or was reset. */
  public static final String FETCH_FAILED = "fetch_failed";

  /** Transport failure: the request did not complete within the configured timeout. */
  public static final String REQUEST_TIMEOUT = "request_timeout";

  /** A 2xx response whose body was not the JSON the SDK expected. */
  public static final String INVALID_JSON_RESPONSE = "invalid_json_response";

  /**
   * The {@code Idempotency-Key} of a request was already used with a different body (HTTP 400); the
   * SDK resends the events under a new key.
   */
  public static final String IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use";

  /** The server no longer accepts this SDK version (HTTP 426). */
  public static final String SDK_VERSION_UNSUPPORTED = "sdk_version_unsupported";

  /** {@code group} was called without a group type. */
  public static final String MISSING_GROUP_TYPE = "missing_group_type";

  /** Super-properties and {@code $groups} would take more than their share of the 8 KB budget. */
  public static final String SUPER_PROPERTIES_TOO_LARGE = "super_properties_too_large";

  /** A customer-scoped call was given no customer id. */
  public static final String MISSING_CUSTOMER_ID = "missing_customer_id";

  /** An audit lookup was given no event id. */
  public static final String MISSING_EVENT_ID = "missing_event_id";

  /** A grant or revoke was given no entitlement key. */
  public static final String MISSING_ENTITLEMENT_KEY = "missing_entitlement_key";

  /** A grant was given no duration. */
  public static final String MISSING_DURATION = "missing_duration";

  /** One call of a bulk grant or revoke failed with something other than a Crossdeck error. */
  public static final String BULK_OPERATION_FAILED = "bulk_operation_failed";

  /** No webhook secret was given. */
  public static final String WEBHOOK_MISSING_SECRET = "webhook_missing_secret";

  /** The webhook tolerance is negative or longer than 24 hours. */
  public static final String WEBHOOK_INVALID_TOLERANCE = "webhook_invalid_tolerance";

  /** The webhook signature header is missing or has no valid {@code t=} or {@code v1=} part. */
  public static final String WEBHOOK_TIMESTAMP_MISSING = "webhook_timestamp_missing";

  /** The webhook timestamp is further from now than the tolerance allows. */
  public static final String WEBHOOK_TIMESTAMP_OUTSIDE_TOLERANCE =
      "webhook_timestamp_outside_tolerance";

  /** The webhook signature matches none of the secrets. */
  public static final String WEBHOOK_SIGNATURE_MISMATCH = "webhook_signature_mismatch";

  /** The webhook signature is valid but the payload is not JSON. */
  public static final String WEBHOOK_PAYLOAD_NOT_JSON = "webhook_payload_not_json";

  private ErrorCodes() {}
}
