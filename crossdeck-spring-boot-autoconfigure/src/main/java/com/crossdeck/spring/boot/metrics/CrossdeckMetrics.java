package com.crossdeck.spring.boot.metrics;

import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Diagnostics;
import com.crossdeck.client.DropReason;
import com.crossdeck.client.EntitlementCacheStats;
import com.crossdeck.client.ErrorCodes;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Crossdeck's meters. Counters and gauges read the client's {@link CrossdeckServer#diagnostics()
 * diagnostics} when the registry is scraped, so tracking an event costs nothing extra; the flush
 * timer is fed by a {@link CrossdeckListener}.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><td>{@code crossdeck.events.queued}</td><td>events accepted by {@code track()}</td></tr>
 *   <tr><td>{@code crossdeck.events.sent}</td><td>events delivered</td></tr>
 *   <tr><td>{@code crossdeck.events.dropped{reason}}</td><td>accepted events dropped, by
 *       {@link DropReason#tag()}</td></tr>
 *   <tr><td>{@code crossdeck.events.rejected{reason}}</td><td>events refused by {@code track()},
 *       by error code ({@code other} for codes this version does not know)</td></tr>
 *   <tr><td>{@code crossdeck.queue.size}</td><td>events waiting to be sent</td></tr>
 *   <tr><td>{@code crossdeck.flush.duration}</td><td>time to deliver one batch</td></tr>
 *   <tr><td>{@code crossdeck.flush.batch.size}</td><td>events per delivered batch</td></tr>
 *   <tr><td>{@code crossdeck.identity.invalid}</td><td>header and cookie identifiers ignored as
 *       invalid</td></tr>
 *   <tr><td>{@code crossdeck.identity.ambiguous}</td><td>requests that carried several different
 *       values of one identity cookie</td></tr>
 *   <tr><td>{@code crossdeck.identity.conflicts}</td><td>links refused because the anonymous id
 *       belongs to another user</td></tr>
 *   <tr><td>{@code crossdeck.tracking.failures}</td><td>{@code @TrackEvent} calls whose event could
 *       not be built</td></tr>
 * </table>
 *
 * <p>With a transactional outbox ({@link CrossdeckServer#isDurable()}), also:
 *
 * <table>
 *   <caption>Outbox meters</caption>
 *   <tr><td>{@code crossdeck.outbox.depth}</td><td>rows waiting in the outbox table, every
 *       instance's</td></tr>
 *   <tr><td>{@code crossdeck.outbox.oldest.age}</td><td>how long the oldest waiting row has
 *       waited</td></tr>
 *   <tr><td>{@code crossdeck.outbox.relay.lag}</td><td>how long the last batch delivered had waited
 *       since it was written</td></tr>
 *   <tr><td>{@code crossdeck.outbox.relay.failures}</td><td>database operations of the relay that
 *       failed and were retried</td></tr>
 *   <tr><td>{@code crossdeck.outbox.written}</td><td>events written to the table (in a
 *       transaction: once it committed)</td></tr>
 *   <tr><td>{@code crossdeck.outbox.fallbacks}</td><td>events the outbox could not take, queued in
 *       memory instead</td></tr>
 *   <tr><td>{@code crossdeck.outbox.rolled.back}</td><td>events tracked in transactions that rolled
 *       back</td></tr>
 * </table>
 *
 * <p>Tags are bounded enumerations only; user ids, anonymous ids and event names never become tags.
 */
public final class CrossdeckMetrics implements MeterBinder {

  /** The track-rejection codes that get their own {@code reason} tag. */
  static final List<String> REJECTION_CODES =
      List.of(
          ErrorCodes.MISSING_EVENT_NAME,
          ErrorCodes.MISSING_IDENTITY,
          ErrorCodes.MULTIPLE_IDENTITY_HINTS,
          ErrorCodes.INVALID_IDENTITY,
          ErrorCodes.EVENT_NAME_TOO_LONG,
          ErrorCodes.INVALID_EVENT_ID,
          ErrorCodes.SERIALIZATION_FAILED,
          ErrorCodes.CLIENT_CLOSED,
          ErrorCodes.OUTBOX_TRANSACTION_FULL);

  private static final String OTHER = "other";
  private static final String REASON = "reason";
  private static final String EVENTS = "events";

  private final CrossdeckServer client;
  private final StarterCounts starter;

  /**
   * Creates the binder.
   *
   * @param client the client to measure
   * @param starter the starter's own counts
   */
  public CrossdeckMetrics(CrossdeckServer client, StarterCounts starter) {
    this.client = client;
    this.starter = starter;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    events(
            "crossdeck.events.queued",
            "Events accepted by track()",
            server -> delivery(server).accepted())
        .register(registry);
    events(
            "crossdeck.events.sent",
            "Events delivered to Crossdeck",
            server -> delivery(server).sent())
        .register(registry);
    for (DropReason reason : DropReason.values()) {
      events(
              "crossdeck.events.dropped",
              "Accepted events dropped before delivery",
              server -> delivery(server).dropped().getOrDefault(reason, 0L))
          .tag(REASON, reason.tag())
          .register(registry);
    }
    for (String code : REJECTION_CODES) {
      events(
              "crossdeck.events.rejected",
              "Events refused by track()",
              server -> delivery(server).rejected().getOrDefault(code, 0L))
          .tag(REASON, code)
          .register(registry);
    }
    events(
            "crossdeck.events.rejected",
            "Events refused by track()",
            CrossdeckMetrics::otherRejections)
        .tag(REASON, OTHER)
        .register(registry);
    Gauge.builder("crossdeck.queue.size", client, server -> server.diagnostics().queue().events())
        .description("Events waiting to be sent")
        .baseUnit(EVENTS)
        .register(registry);
    entitlementCache(registry);
    starterCounter(
        registry,
        "crossdeck.identity.invalid",
        "Anonymous or customer ids from request headers and cookies ignored as invalid",
        StarterCounts::invalidIdentities);
    starterCounter(
        registry,
        "crossdeck.identity.ambiguous",
        "Requests that carried several different values of one identity cookie",
        StarterCounts::ambiguousIdentities);
    starterCounter(
        registry,
        "crossdeck.identity.conflicts",
        "Links refused because the anonymous id belongs to another user",
        StarterCounts::identityConflicts);
    starterCounter(
        registry,
        "crossdeck.tracking.failures",
        "@TrackEvent calls whose event could not be built",
        StarterCounts::trackingFailures);
    if (client.isDurable()) {
      bindOutbox(registry);
    }
    client.addListener(new FlushMeters(registry));
  }

  /**
   * The entitlement cache: reads it answered, reads it could not, last-known-good answers served
   * from a stale entry, and its size. Reading them loads nothing when no entitlement was used.
   */
  private void entitlementCache(MeterRegistry registry) {
    cacheCounter(
        registry,
        "crossdeck.entitlements.cache.hits",
        "Entitlement reads answered from the cache",
        EntitlementCacheStats::hits);
    cacheCounter(
        registry,
        "crossdeck.entitlements.cache.misses",
        "Entitlement reads the cache could not answer",
        EntitlementCacheStats::misses);
    cacheCounter(
        registry,
        "crossdeck.entitlements.cache.stale.serves",
        "Entitlement answers served from a stale entry (last-known-good)",
        EntitlementCacheStats::staleServes);
    cacheCounter(
        registry,
        "crossdeck.entitlements.cache.refresh.failures",
        "Entitlement reads from Crossdeck that failed",
        EntitlementCacheStats::refreshFailures);
    cacheCounter(
        registry,
        "crossdeck.entitlements.cache.evictions",
        "Customers removed from the entitlement cache to stay within its bound",
        EntitlementCacheStats::evictions);
    Gauge.builder(
            "crossdeck.entitlements.cache.size",
            client,
            server -> server.entitlements().cacheStats().customers())
        .description("Customers in the entitlement cache")
        .register(registry);
    Gauge.builder(
            "crossdeck.entitlements.cache.stale",
            client,
            server -> server.entitlements().cacheStats().staleCustomers())
        .description("Cached customers whose answer is stale")
        .register(registry);
  }

  private void cacheCounter(
      MeterRegistry registry,
      String name,
      String description,
      ToLongFunction<EntitlementCacheStats> count) {
    FunctionCounter.builder(
            name, client, server -> count.applyAsLong(server.entitlements().cacheStats()))
        .description(description)
        .register(registry);
  }

  private void bindOutbox(MeterRegistry registry) {
    Gauge.builder("crossdeck.outbox.depth", client, server -> outbox(server).depth())
        .description("Rows waiting in the outbox table, every instance's")
        .baseUnit(EVENTS)
        .register(registry);
    TimeGauge.builder(
            "crossdeck.outbox.oldest.age",
            client,
            TimeUnit.MILLISECONDS,
            server -> outbox(server).oldestAge().toMillis())
        .description("How long the oldest row waiting in the outbox has waited")
        .register(registry);
    TimeGauge.builder(
            "crossdeck.outbox.relay.lag",
            client,
            TimeUnit.MILLISECONDS,
            server -> outbox(server).relayLag().toMillis())
        .description("How long the last batch the relay delivered had waited since it was written")
        .register(registry);
    FunctionCounter.builder(
            "crossdeck.outbox.relay.failures", client, server -> outbox(server).relayFailures())
        .description("Database operations of the outbox relay that failed and were retried")
        .register(registry);
    events(
            "crossdeck.outbox.written",
            "Events written to the outbox table",
            server -> outbox(server).written())
        .register(registry);
    events(
            "crossdeck.outbox.fallbacks",
            "Events the outbox could not take, queued in memory instead",
            server -> outbox(server).fallbacks())
        .register(registry);
    events(
            "crossdeck.outbox.rolled.back",
            "Events tracked in transactions that rolled back",
            server -> outbox(server).rolledBack())
        .register(registry);
  }

  private static Diagnostics.Outbox outbox(CrossdeckServer client) {
    return client.diagnostics().outbox();
  }

  private FunctionCounter.Builder<CrossdeckServer> events(
      String name, String description, ToDoubleFunction<CrossdeckServer> count) {
    return FunctionCounter.builder(name, client, count).description(description).baseUnit(EVENTS);
  }

  private void starterCounter(
      MeterRegistry registry,
      String name,
      String description,
      ToDoubleFunction<StarterCounts> count) {
    FunctionCounter.builder(name, starter, count).description(description).register(registry);
  }

  private static Diagnostics.Delivery delivery(CrossdeckServer client) {
    return client.diagnostics().delivery();
  }

  private static double otherRejections(CrossdeckServer client) {
    Map<String, Long> rejected = delivery(client).rejected();
    return rejected.entrySet().stream()
        .filter(entry -> !REJECTION_CODES.contains(entry.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The starter's own counts, read when the registry is scraped. */
  public interface StarterCounts {

    /** Header and cookie identifiers ignored as invalid. */
    long invalidIdentities();

    /** Requests that carried several different values of one identity cookie. */
    long ambiguousIdentities();

    /** Links refused because the anonymous id belongs to another user. */
    long identityConflicts();

    /** {@code @TrackEvent} calls whose event could not be built. */
    long trackingFailures();
  }

  /** Records each delivered batch; runs on the client's sender thread, so it only records. */
  private static final class FlushMeters implements CrossdeckListener {

    private final Timer duration;
    private final DistributionSummary batchSize;

    FlushMeters(MeterRegistry registry) {
      this.duration =
          Timer.builder("crossdeck.flush.duration")
              .description("Time to deliver one batch of events")
              .register(registry);
      this.batchSize =
          DistributionSummary.builder("crossdeck.flush.batch.size")
              .description("Events per delivered batch")
              .baseUnit(EVENTS)
              .register(registry);
    }

    @Override
    public void onFlushSucceeded(FlushSucceeded event) {
      duration.record(event.duration());
      batchSize.record(event.batchSize());
    }
  }
}
