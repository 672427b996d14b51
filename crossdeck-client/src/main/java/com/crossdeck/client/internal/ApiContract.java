package com.crossdeck.client.internal;

/**
 * The paths of the Crossdeck API and the limits it enforces on requests (wire contract §a.3, §a.4,
 * §c), in one place: the sender's batcher, the importer's chunker, the encoder and the validators
 * all read them here, so they cannot drift apart.
 */
public final class ApiContract {

  /** {@code POST}: a batch of events, from the queue or from {@code ingest()}. */
  public static final String EVENTS_PATH = "/events";

  /** {@code POST}: links identifiers to one customer. */
  public static final String ALIAS_PATH = "/identity/alias";

  /** {@code GET}: confirms the key works. */
  public static final String HEARTBEAT_PATH = "/sdk/heartbeat";

  /** The most events one {@code POST /events} may carry. */
  public static final int MAX_EVENTS_PER_REQUEST = 100;

  /** Bodies stay under the server's 1 MB limit, whichever definition of a megabyte it uses. */
  public static final int MAX_BODY_BYTES = 1_000_000;

  /** The most UTF-8 bytes one event's {@code properties} object may take, braces included. */
  public static final int MAX_PROPERTIES_BYTES = 8192;

  /** Identity hints and event ids are 1 to this many characters. */
  public static final int MAX_ID_CHARS = 256;

  /** Event names are 1 to this many characters. */
  public static final int MAX_NAME_CHARS = 256;

  /**
   * The longest number sent as a JSON number, in characters of its text. JSON parsers cap the
   * length of a number (Jackson at 1,000 characters, and it answers {@code invalid_json} beyond);
   * no measured quantity needs more than a few dozen digits (a {@code double} needs at most 24
   * characters), so longer numbers are sent as strings of the same digits.
   */
  public static final int MAX_NUMBER_CHARS = 100;

  /**
   * The largest distance of an event time from the epoch, in milliseconds: the range of a
   * JavaScript {@code Date} (±100,000,000 days, years -271821 to 275760), which is what the
   * server's {@code timestamp} number can carry exactly.
   */
  public static final long MAX_TIMESTAMP_MILLIS = 8_640_000_000_000_000L;

  private ApiContract() {}
}
