package com.crossdeck.spring.boot.health;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Diagnostics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code crossdeck} health component: the client's {@link CrossdeckServer#diagnostics()
 * diagnostics} (transport, queue size, events in flight, events dropped by reason, last successful
 * flush, last error, consecutive failures, parked, failed and why, environment) plus how the
 * starter is connected.
 *
 * <p>Reads in-memory state only, so a health probe never waits on the network. The status is UP:
 * analytics delivery retries on its own and must not take the application out of a load balancer.
 * With {@code strict} it is DOWN while delivery is stopped for good, that is when the server
 * rejected the secret key or retired this SDK version (parked), or when the client failed (its HTTP
 * transport could not be created or cannot run; {@code failure} says why). A disabled client
 * reports UP with {@code mode: disabled} only.
 */
public final class CrossdeckHealthIndicator implements HealthIndicator {

  private final CrossdeckServer client;
  private final boolean strict;
  private final Supplier<Map<String, Object>> starterDetails;

  /**
   * Creates the indicator.
   *
   * @param client the client to report on
   * @param strict whether a rejected key or a parked client reports DOWN
   * @param starterDetails details the starter adds: {@code mode} and its own counters
   */
  public CrossdeckHealthIndicator(
      CrossdeckServer client, boolean strict, Supplier<Map<String, Object>> starterDetails) {
    this.client = client;
    this.strict = strict;
    this.starterDetails = starterDetails;
  }

  @Override
  public Health health() {
    Map<String, Object> details = new LinkedHashMap<>(starterDetails.get());
    if (!client.isEnabled()) {
      return Health.up().withDetails(details).build();
    }
    Diagnostics diagnostics = client.diagnostics();
    diagnostics
        .toMap()
        .forEach(
            (name, value) -> {
              // Health details reject null values; an absent "lastError" says the same thing.
              if (value != null) {
                details.put(name, value instanceof Instant instant ? instant.toString() : value);
              }
            });
    Diagnostics.Delivery delivery = diagnostics.delivery();
    boolean stopped = delivery.keyRejected() || delivery.parked() || delivery.failed();
    Health.Builder health = strict && stopped ? Health.down() : Health.up();
    return health.withDetails(details).build();
  }
}
