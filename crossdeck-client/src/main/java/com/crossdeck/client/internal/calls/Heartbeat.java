package com.crossdeck.client.internal.calls;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.HeartbeatResult;
import com.crossdeck.client.internal.ApiContract;
import com.crossdeck.client.internal.SecretKey;
import com.crossdeck.client.internal.delivery.DeliveryStats;
import com.crossdeck.client.internal.http.DirectCall;
import com.crossdeck.client.internal.http.GetRetries;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /sdk/heartbeat}: confirms the key works, with the contract's read retries (up to 3
 * attempts on network failures and 5xx). At startup it runs once on a short-lived daemon thread, a
 * few seconds after the client was built, so a rejected key is reported loudly in the log without
 * delaying the application: not while it starts, when creating the HTTP transport would compete
 * with it for the CPU.
 */
public final class Heartbeat {

  /**
   * The logger, looked up when something is logged: setting up the logging system costs up to 100
   * ms in a fresh JVM, which {@code build()} must not pay.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(Heartbeat.class);
  }

  private final GetRetries gets;
  private final DeliveryStats stats;
  private final SecretKey secretKey;

  /** Creates the heartbeat for one client. */
  public Heartbeat(GetRetries gets, DeliveryStats stats, SecretKey secretKey) {
    this.gets = gets;
    this.stats = stats;
    this.secretKey = secretKey;
  }

  /** Calls the endpoint synchronously; throws the typed error on failure. */
  public HeartbeatResult check() {
    try {
      JsonNode body = DirectCall.jsonOf(gets.get(ApiContract.HEARTBEAT_PATH));
      JsonNode serverTime = body.get("serverTime");
      return new HeartbeatResult(
          body.path("ok").asBoolean(false),
          body.path("projectId").asText(null),
          body.path("appId").asText(null),
          body.path("env").asText(null),
          serverTime != null && serverTime.isNumber()
              ? Instant.ofEpochMilli(serverTime.longValue())
              : null);
    } catch (CrossdeckException e) {
      if (e.status() == 401) {
        stats.recordKeyRejected();
      }
      throw e;
    }
  }

  /**
   * Runs {@code onBoot} and then {@link #check()} once in the background, {@code delay} after now,
   * and logs the outcome.
   *
   * @param clock the client's clock, which the wait follows
   * @param delay how long to leave the application to start
   * @param stillWanted false once the client was closed: the check is then skipped
   * @param onBoot what else happens at that moment (the {@code sdk.boot} event); must not throw
   */
  public void checkInBackground(
      CrossdeckClock clock, Duration delay, BooleanSupplier stillWanted, Runnable onBoot) {
    long due = clock.nanoTime() + delay.toNanos();
    Thread thread =
        new Thread(
            () -> {
              while (clock.nanoTime() < due) {
                clock.awaitUntil(due);
              }
              if (stillWanted.getAsBoolean()) {
                onBoot.run();
                checkAndLog();
              }
            },
            "crossdeck-heartbeat");
    thread.setDaemon(true);
    thread.setContextClassLoader(null);
    thread.start();
  }

  private void checkAndLog() {
    try {
      HeartbeatResult result = check();
      log()
          .debug(
              "Crossdeck key {} accepted for project {} ({})",
              secretKey,
              result.projectId(),
              result.environment());
    } catch (CrossdeckException e) {
      report(e);
    } catch (RuntimeException e) {
      log().warn("Crossdeck startup heartbeat failed", e);
    }
  }

  private void report(CrossdeckException e) {
    if (e.status() == 401) {
      log()
          .error(
              "Crossdeck rejected the secret key {} (HTTP 401 {}): events cannot be delivered until"
                  + " the key is fixed. Check the key passed to CrossdeckServer.builder (in Spring:"
                  + " crossdeck.secret-key).",
              secretKey,
              e.code());
    } else {
      log().warn("Crossdeck startup heartbeat failed ({}): {}", e.code(), e.getMessage());
    }
  }
}
