package com.crossdeck.spring.boot.metrics;

import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Diagnostics;
import com.crossdeck.client.DropReason;
import com.crossdeck.client.ErrorCodes;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

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
 *   <tr><td>{@code crossdeck.tracking.failures}</td><td>{@code @TrackEvent} calls whose event could
 *       not be built</td></tr>
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
          ErrorCodes.CLIENT_CLOSED);

  private static final String OTHER = "other";
  private static final String REASON = "reason";
  private static final String EVENTS = "events";

  private final CrossdeckServer client;
  private final LongSupplier invalidIdentities;
  private final LongSupplier trackingFailures;

  /**
   * Creates the binder.
   *
   * @param client the client to measure
   * @param invalidIdentities how many request identifiers were ignored as invalid
   * @param trackingFailures how many {@code @TrackEvent} calls failed to build their event
   */
  public CrossdeckMetrics(
      CrossdeckServer client, LongSupplier invalidIdentities, LongSupplier trackingFailures) {
    this.client = client;
    this.invalidIdentities = invalidIdentities;
    this.trackingFailures = trackingFailures;
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
    FunctionCounter.builder(
            "crossdeck.identity.invalid", invalidIdentities, LongSupplier::getAsLong)
        .description(
            "Anonymous or customer ids from request headers and cookies ignored as invalid")
        .register(registry);
    FunctionCounter.builder(
            "crossdeck.tracking.failures", trackingFailures, LongSupplier::getAsLong)
        .description("@TrackEvent calls whose event could not be built")
        .register(registry);
    client.addListener(new FlushMeters(registry));
  }

  private FunctionCounter.Builder<CrossdeckServer> events(
      String name, String description, ToDoubleFunction<CrossdeckServer> count) {
    return FunctionCounter.builder(name, client, count).description(description).baseUnit(EVENTS);
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
