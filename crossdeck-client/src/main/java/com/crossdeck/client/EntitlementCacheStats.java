package com.crossdeck.client;

import java.time.Duration;

/**
 * The entitlement cache's state and counters, for health checks and metrics. Reading it does no
 * I/O.
 *
 * @param customers customers cached (failed first reads included)
 * @param staleCustomers cached customers whose last refresh failed or whose answer is older than
 *     the stale-after age
 * @param aliases user and anonymous ids that resolve to a cached customer
 * @param hits cache reads answered from the cache: {@code isEntitled} and {@code list} that found
 *     the customer, {@code warm} within the TTL
 * @param misses cache reads the cache could not answer: {@code isEntitled} and {@code list} that
 *     found nothing cached, {@code warm} that had to ask Crossdeck
 * @param staleServes answers given from a stale entry (its last refresh failed, or it is older than
 *     the stale-after age): last-known-good served through an outage
 * @param refreshFailures reads from Crossdeck that failed
 * @param evictions customers removed to stay within the bound
 * @param listenerErrors change listeners that threw
 * @param storeErrors {@link EntitlementStore} calls that threw
 * @param ttl how long an answer is used before {@code warm} asks Crossdeck again
 * @param durableStore whether an {@link EntitlementStore} is configured
 */
public record EntitlementCacheStats(
    int customers,
    int staleCustomers,
    int aliases,
    long hits,
    long misses,
    long staleServes,
    long refreshFailures,
    long evictions,
    long listenerErrors,
    long storeErrors,
    Duration ttl,
    boolean durableStore) {}
