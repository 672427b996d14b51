package com.crossdeck.client;

import com.crossdeck.client.internal.ClientConfig;
import com.crossdeck.client.internal.Lazy;
import com.crossdeck.client.internal.RuntimeContext;
import com.crossdeck.client.internal.SdkInfo;
import com.crossdeck.client.internal.calls.BootEvent;
import com.crossdeck.client.internal.calls.BulkIngest;
import com.crossdeck.client.internal.calls.Erasure;
import com.crossdeck.client.internal.calls.Heartbeat;
import com.crossdeck.client.internal.calls.IdentityLinker;
import com.crossdeck.client.internal.delivery.DeliveryPipeline;
import com.crossdeck.client.internal.delivery.DeliveryStats;
import com.crossdeck.client.internal.delivery.Listeners;
import com.crossdeck.client.internal.encoding.Envelope;
import com.crossdeck.client.internal.encoding.EventEncoder;
import com.crossdeck.client.internal.enrichment.SuperProperties;
import com.crossdeck.client.internal.entitlements.EntitlementRoom;
import com.crossdeck.client.internal.errors.BreadcrumbRing;
import com.crossdeck.client.internal.errors.ErrorCapture;
import com.crossdeck.client.internal.errors.ErrorScope;
import com.crossdeck.client.internal.errors.InAppClassifier;
import com.crossdeck.client.internal.http.ApiClient;
import com.crossdeck.client.internal.http.GetRetries;
import com.crossdeck.client.internal.http.TransportHolder;
import com.crossdeck.client.internal.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of one client: builds every part once and wires them together; {@link
 * CrossdeckServer} is the facade over it.
 *
 * <p>Building does only what must happen before {@code build()} returns: the queue and the counters
 * are created, the sender thread is started and the exit hook installed. The heavy parts are
 * created later, off the caller's thread and only once needed: the HTTP transport (TLS setup and
 * class loading take hundreds of milliseconds) and the runtime context (host detection) by the
 * sender thread before its first batch, or by the first direct call ({@code identify}, {@code
 * ingest}, {@code heartbeat}); the JSON mapper at the sender's first idle moment after the first
 * batch or {@link #STARTUP_GRACE}. {@code track()} works at once: events queue while the transport
 * is created. The boot heartbeat (and the {@code sdk.boot} event) waits {@link #STARTUP_GRACE} too,
 * so that an application still starting does not share its CPU with either. The entitlement parts
 * and the erasure call are created by their first use.
 */
final class ClientCore {

  /**
   * The logger, looked up when something is logged: setting up the logging system costs up to 100
   * ms in a fresh JVM, which {@code build()} must not pay.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(ClientCore.class);
  }

  /**
   * How long work nothing waits for yet (the boot heartbeat; the JSON mapper, unless events flow
   * sooner) leaves the application to start.
   */
  static final Duration STARTUP_GRACE = Duration.ofSeconds(10);

  final ClientConfig config;
  final DeliveryStats stats = new DeliveryStats();
  final Listeners listeners = new Listeners(stats);
  final TransportHolder transport;
  final Lazy<RuntimeContext> runtime;
  final DeliveryPipeline delivery;
  // The transactional outbox, when the builder was given one; null otherwise.
  private final Outbox outbox;
  final Heartbeat heartbeat;
  // Created by the first capture: most processes never capture an error in their first seconds.
  final Lazy<ErrorCapture> errors;
  final SuperProperties superProperties;
  final ErrorScope errorScope = new ErrorScope();
  final BreadcrumbRing breadcrumbs;
  // Created by their first call: an application may never use them, and build() need not load them.
  final Lazy<IdentityLinker> identities;
  final Lazy<BulkIngest> bulkIngest;
  final Lazy<EntitlementRoom> entitlementRoom;
  final Lazy<Erasure> erasure;
  private final Thread shutdownHook;

  ClientCore(ClientConfig config) {
    this.config = config;
    config.listeners().forEach(listeners::add);
    this.transport = new TransportHolder(config.transportFactory(), config.transportName());
    this.runtime =
        Lazy.of(
            () ->
                RuntimeContext.detect(
                    config.environmentVariables(),
                    config.serviceName(),
                    config.serviceVersion(),
                    config.appVersion()));
    String environment = config.secretKey().environment();
    ApiClient api =
        new ApiClient(
            transport, config.baseUrl(), config.secretKey(), config.timeout(), config.clock());
    EventEncoder encoder = new EventEncoder();
    this.superProperties = new SuperProperties(encoder);
    this.breadcrumbs = new BreadcrumbRing(config.breadcrumbsMaxSize(), config.clock());
    Lazy<Envelope> queueEnvelope =
        Lazy.of(() -> Envelope.forQueue(environment, config.appId(), runtime.get()));
    this.outbox = config.outbox() == null ? null : outbox(config, queueEnvelope);
    this.delivery =
        new DeliveryPipeline(
            new DeliveryPipeline.Options(
                config.batchSize(),
                config.flushInterval(),
                config.maxQueueSize(),
                config.maxQueueBytes(),
                config.clock(),
                config.random(),
                config.identityFallback(),
                config.beforeSend(),
                config.breadcrumbsFromEvents() ? breadcrumbs::recordEvent : null,
                config.missingIdentityAdvice(),
                STARTUP_GRACE),
            encoder,
            superProperties,
            api,
            transport,
            queueEnvelope,
            stats,
            listeners,
            outbox);
    if (outbox != null) {
      outbox.connect(delivery);
    }
    this.heartbeat = new Heartbeat(new GetRetries(api, config.clock()), stats, config.secretKey());
    this.identities = Lazy.of(() -> new IdentityLinker(api, encoder));
    this.bulkIngest =
        Lazy.of(() -> new BulkIngest(api, encoder, environment, config.appId(), config.clock()));
    this.entitlementRoom =
        Lazy.of(
            () ->
                new EntitlementRoom(
                    api,
                    config.clock(),
                    new EntitlementRoom.Options(
                        config.entitlementCacheTtl(),
                        config.entitlementStaleAfter(),
                        config.entitlementCacheMaxCustomers(),
                        config.entitlementStore())));
    this.erasure =
        Lazy.of(
            () ->
                new Erasure(
                    api,
                    () -> delivery.flush(config.timeout()),
                    List.of(
                        (customerId, hints) -> entitlementRoom.get().forget(customerId, hints),
                        (customerId, hints) -> breadcrumbs.clear())));
    this.errors = Lazy.of(() -> errorCapture(config));
    this.shutdownHook = config.flushOnExit() ? installShutdownHook() : null;
    if (config.bootHeartbeat()) {
      heartbeat.checkInBackground(
          config.clock(), STARTUP_GRACE, () -> !delivery.isClosed(), this::trackBootEvent);
    }
    delivery.start();
  }

  /** Queues {@code sdk.boot}, as the boot heartbeat runs; a failure costs only the event. */
  private void trackBootEvent() {
    try {
      delivery
          .intake()
          .enqueue(
              BootEvent.of(
                  runtime.get(), config.entitlementStore() != null, config.entitlementCacheTtl()));
    } catch (RuntimeException e) {
      log().debug("Crossdeck could not queue its sdk.boot event", e);
    }
  }

  private Outbox outbox(ClientConfig config, Lazy<Envelope> queueEnvelope) {
    return new Outbox(
        config.outbox(),
        new Outbox.Settings(
            config.secretKey().environment(),
            config.appId(),
            config.clock(),
            config.batchSize(),
            config.flushInterval(),
            config.timeout()),
        config.random(),
        queueEnvelope,
        stats,
        listeners);
  }

  private ErrorCapture errorCapture(ClientConfig config) {
    return new ErrorCapture(
        new InAppClassifier(config.inAppPackages(), InAppClassifier.DEFAULT_LIBRARY_PREFIXES),
        ErrorCapture.limiter(
            config.errorsPerFingerprintPerMinute(),
            config.errorsPerProcess(),
            config.clock()::nanoTime),
        config.identityFallback(),
        delivery.intake(),
        stats,
        errorScope,
        breadcrumbs,
        config.errorBeforeSend(),
        config.clock());
  }

  private Thread installShutdownHook() {
    Thread hook =
        new Thread(
            () -> {
              FlushResult result = close(config.flushOnExitTimeout());
              log().debug("Crossdeck flushed on exit: {}", result);
            },
            "crossdeck-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /** Delivers what is held within {@code timeout}, then stops every thread. Idempotent. */
  FlushResult close(Duration timeout) {
    FlushResult result = delivery.close(timeout);
    if (identities.isCreated()) {
      identities.get().close();
    }
    removeShutdownHook();
    return result;
  }

  private void removeShutdownHook() {
    if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook is running or about to, and close() is
      // idempotent.
    }
  }

  boolean isDurable() {
    return outbox != null;
  }

  /** A snapshot of the parts' state; reads memory only. */
  Diagnostics diagnostics() {
    Diagnostics.Delivery state =
        new Diagnostics.Delivery(
            stats.accepted(),
            stats.sent(),
            stats.batchesSent(),
            stats.retries(),
            stats.droppedByReason(),
            stats.rejectedByCode(),
            stats.truncatedEvents(),
            stats.droppedPropertyValues(),
            instant(stats.lastFlushAtMillis()),
            stats.lastError(),
            stats.consecutiveFailures(),
            instant(stats.nextRetryAtMillis()),
            stats.parked(),
            stats.parkedMinVersion(),
            stats.keyRejected(),
            stats.failure(),
            stats.listenerFailures(),
            stats.senderErrors(),
            delivery.isClosed());
    RuntimeContext host = runtime.get();
    return new Diagnostics(
        SdkInfo.version(),
        config.baseUrl(),
        config.secretKey().masked(),
        config.secretKey().environment(),
        transport.name(),
        new Diagnostics.Queue(
            delivery.queuedEvents(),
            delivery.queuedBytes(),
            stats.inFlight(),
            delivery.maxEvents(),
            delivery.maxBytes()),
        state,
        new Diagnostics.Host(
            host.host(),
            host.region(),
            host.serviceName(),
            host.serviceVersion(),
            host.javaVersion()),
        outbox == null ? Diagnostics.Outbox.DISABLED : outbox.diagnostics());
  }

  private static Instant instant(long epochMillis) {
    return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis);
  }
}
