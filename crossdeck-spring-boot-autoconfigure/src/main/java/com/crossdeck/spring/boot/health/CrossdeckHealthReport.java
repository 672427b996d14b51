package com.crossdeck.spring.boot.health;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Diagnostics;
import com.crossdeck.client.EntitlementCacheStats;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the {@code crossdeck} health component reports, whichever Spring Boot health API shows it:
 * the client's {@link CrossdeckServer#diagnostics() diagnostics} (transport, queue size, events in
 * flight, events dropped by reason, last successful flush, last error, consecutive failures,
 * parked, failed and why, environment), the entitlement cache's state ({@code entitlementCache}:
 * customers, stale customers, aliases, hits, misses, stale serves, refresh failures, evictions,
 * TTL, whether a durable store backs it) plus how the starter is connected.
 *
 * <p>Reads in-memory state only, so a health probe never waits on the network. The status is UP:
 * analytics delivery retries on its own and must not take the application out of a load balancer.
 * With {@code strict} it is DOWN while delivery is stopped for good, that is when the server
 * rejected the secret key or retired this SDK version (parked), or when the client failed (its HTTP
 * transport could not be created or cannot run; {@code failure} says why). A disabled client
 * reports UP with the starter's details only. Thread-safe.
 */
public final class CrossdeckHealthReport {

  private final CrossdeckServer client;
  private final boolean strict;
  private final Supplier<Map<String, Object>> starterDetails;

  /**
   * Creates the report.
   *
   * @param client the client to report on
   * @param strict whether a rejected key or a parked client reports DOWN
   * @param starterDetails details the starter adds: {@code mode} and its own counters
   */
  public CrossdeckHealthReport(
      CrossdeckServer client, boolean strict, Supplier<Map<String, Object>> starterDetails) {
    this.client = client;
    this.strict = strict;
    this.starterDetails = starterDetails;
  }

  /** The status and details as of now. */
  public Snapshot read() {
    Map<String, Object> details = new LinkedHashMap<>(starterDetails.get());
    if (!client.isEnabled()) {
      return new Snapshot(true, details);
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
    details.put("entitlementCache", entitlementCache(client.entitlements().cacheStats()));
    Diagnostics.Delivery delivery = diagnostics.delivery();
    boolean stopped = delivery.keyRejected() || delivery.parked() || delivery.failed();
    return new Snapshot(!(strict && stopped), details);
  }

  private static Map<String, Object> entitlementCache(EntitlementCacheStats stats) {
    Map<String, Object> cache = new LinkedHashMap<>();
    cache.put("customers", stats.customers());
    cache.put("staleCustomers", stats.staleCustomers());
    cache.put("aliases", stats.aliases());
    cache.put("hits", stats.hits());
    cache.put("misses", stats.misses());
    cache.put("staleServes", stats.staleServes());
    cache.put("refreshFailures", stats.refreshFailures());
    cache.put("evictions", stats.evictions());
    cache.put("ttl", stats.ttl().toString());
    cache.put("durableStore", stats.durableStore());
    return cache;
  }

  /**
   * One reading of the component.
   *
   * @param up whether the status is UP (else DOWN)
   * @param details the details, none of them {@code null}
   */
  public record Snapshot(boolean up, Map<String, Object> details) {}
}
