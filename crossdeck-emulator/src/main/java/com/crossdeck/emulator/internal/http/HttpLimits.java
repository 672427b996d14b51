package com.crossdeck.emulator.internal.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the transport lets a client use, so that no client (slow, stalled or hostile) can take
 * the server's threads or an unbounded share of its memory.
 *
 * @param workerThreads threads that run handlers; they never wait for a client
 * @param maxConnections open connections beyond which new ones are closed at once
 * @param maxHeadBytes request line plus headers
 * @param maxHeaders header fields per request
 * @param maxBodyBytes body bytes kept; a larger body is skipped and flagged too large
 * @param maxSkippedBodyBytes how much of a too-large body is read and thrown away, so the client
 *     can finish sending and read the answer; beyond it the connection is closed after answering
 * @param bodyBudgetBytes body bytes buffered across all connections at once; a request that would
 *     exceed it is answered 503
 * @param requestTimeout how long a client may take to send one complete request, from its first
 *     byte
 * @param idleTimeout how long a kept-alive connection may stay open without a request
 * @param writeTimeout how long a client may take to read a response
 */
public record HttpLimits(
    int workerThreads,
    int maxConnections,
    int maxHeadBytes,
    int maxHeaders,
    int maxBodyBytes,
    long maxSkippedBodyBytes,
    long bodyBudgetBytes,
    Duration requestTimeout,
    Duration idleTimeout,
    Duration writeTimeout) {

  /** The emulator's defaults; see its README for what each means to a client. */
  public static final HttpLimits DEFAULT =
      new HttpLimits(
          32,
          1024,
          64 * 1024,
          100,
          1024 * 1024,
          16L * 1024 * 1024,
          64L * 1024 * 1024,
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(10));

  /** Checks that every limit is positive. */
  public HttpLimits {
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(writeTimeout, "writeTimeout");
    if (workerThreads < 1 || maxConnections < 1 || maxHeadBytes < 1 || maxHeaders < 1) {
      throw new IllegalArgumentException("HTTP limits must be positive");
    }
    if (maxBodyBytes < 1 || maxSkippedBodyBytes < 0 || bodyBudgetBytes < maxBodyBytes) {
      throw new IllegalArgumentException("body limits must be positive and fit the budget");
    }
    if (!isPositive(requestTimeout) || !isPositive(idleTimeout) || !isPositive(writeTimeout)) {
      throw new IllegalArgumentException("HTTP timeouts must be positive");
    }
  }

  /** These limits with another {@link #requestTimeout()}. */
  public HttpLimits withRequestTimeout(Duration timeout) {
    return new HttpLimits(
        workerThreads,
        maxConnections,
        maxHeadBytes,
        maxHeaders,
        maxBodyBytes,
        maxSkippedBodyBytes,
        bodyBudgetBytes,
        timeout,
        idleTimeout,
        writeTimeout);
  }

  private static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }
}
