package com.crossdeck.emulator;

import java.time.Duration;

/**
 * Fault injection for tests: make the emulator misbehave the way a real network and server can.
 *
 * <p>{@link #failNext} and {@link #dropConnectionAfterProcessing} apply to ingest requests ({@code
 * POST /v1/events}) only, so an SDK's background heartbeat cannot consume a fault meant for its
 * event batches. {@link #latency} applies to every API request (every {@code /v1} route an SDK
 * calls); the read side, the timeline page and the control endpoints are never faulted. Faulted
 * requests still show up in {@code requests()}.
 *
 * <p>Thread-safe. {@link CrossdeckEmulator#reset()} clears all faults.
 */
public interface Faults {

  /**
   * Fails the next {@code count} ingest requests with {@code status} before any processing (nothing
   * is authenticated, validated or stored). The body is the usual error envelope with a type that
   * matches the status. Replaces any failures still pending.
   *
   * @param count how many requests fail; 0 cancels pending failures
   * @param status an HTTP status from 400 to 599
   */
  void failNext(int count, int status);

  /**
   * Like {@link #failNext(int, int)}, with a {@code Retry-After} header on each failure: whole
   * seconds when {@code retryAfter} is a whole number of seconds, otherwise decimal seconds such as
   * {@code 0.25} (which the Crossdeck SDKs parse, contract §d.6).
   */
  void failNext(int count, int status, Duration retryAfter);

  /**
   * Delays every API response by {@code latency} until cleared. {@link Duration#ZERO} clears it.
   */
  void latency(Duration latency);

  /**
   * The next {@code count} ingest requests are fully processed (events stored, idempotency
   * recorded) and then the connection is closed without sending any response: the lost-response
   * case that {@code Idempotency-Key} exists for.
   */
  void dropConnectionAfterProcessing(int count);

  /** Removes every pending failure, dropped connection and latency. */
  void clear();
}
