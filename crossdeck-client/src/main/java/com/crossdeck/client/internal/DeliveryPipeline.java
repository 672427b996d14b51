package com.crossdeck.client.internal;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.Diagnostics;
import com.crossdeck.client.DropReason;
import com.crossdeck.client.Event;
import com.crossdeck.client.FlushResult;
import com.crossdeck.client.TrackResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the queue, the sender and the intake of one client, and implements flush and close on top
 * of them. The public {@code CrossdeckServer} is a thin facade over this class. Thread-safe.
 */
public final class DeliveryPipeline {

  private static final Logger log = LoggerFactory.getLogger(DeliveryPipeline.class);
  private static final Duration SENDER_STOP_GRACE = Duration.ofMillis(100);

  private final ClientConfig config;
  private final CrossdeckClock clock;
  private final DeliveryStats stats = new DeliveryStats();
  private final Listeners listeners = new Listeners();
  private final EventEncoder encoder = new EventEncoder(Json.MAPPER);
  private final RuntimeContext runtime;
  private final ApiClient api;
  private final EventQueue queue;
  private final BatchSender sender;
  private final EventIntake intake;
  private final AtomicBoolean closeStarted = new AtomicBoolean();
  private final CompletableFuture<FlushResult> closeResult = new CompletableFuture<>();
  private final Thread shutdownHook;

  /** Builds the pipeline and starts its sender thread (and shutdown hook, if configured). */
  public DeliveryPipeline(ClientConfig config) {
    this.config = config;
    this.clock = config.clock();
    config.listeners().forEach(listeners::add);
    this.runtime =
        RuntimeContext.detect(
            config.environmentVariables(),
            config.serviceName(),
            config.serviceVersion(),
            config.appVersion());
    this.api =
        new ApiClient(
            config.transport(), config.baseUrl(), config.secretKey(), config.timeout(), clock);
    this.queue = new EventQueue(config.maxQueueSize(), config.maxQueueBytes(), clock);
    Envelope envelope =
        Envelope.forQueue(config.secretKey().environment(), config.appId(), runtime);
    DeliveryOutcomes outcomes =
        new DeliveryOutcomes(stats, listeners, RetryPolicy.DEFAULT, config.random(), clock, queue);
    this.sender =
        new BatchSender(
            queue,
            api,
            envelope,
            stats,
            outcomes,
            clock,
            config.random(),
            config.batchSize(),
            config.flushInterval());
    this.intake =
        new EventIntake(encoder, queue, sender, stats, listeners, clock, config.identityFallback());
    sender.start();
    this.shutdownHook = config.flushOnExit() ? installShutdownHook() : null;
  }

  private Thread installShutdownHook() {
    Thread hook =
        new Thread(
            () -> {
              FlushResult result = close(config.flushOnExitTimeout());
              log.debug("Crossdeck flushed on exit: {}", result);
            },
            "crossdeck-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /** See {@code CrossdeckServer.track}. */
  public TrackResult track(Event event) {
    return intake.track(event);
  }

  /** See {@code CrossdeckServer.flush(Duration)}. */
  public FlushResult flush(Duration timeout) {
    long start = clock.nanoTime();
    long sentBefore = stats.sent();
    if (closeStarted.get() || stats.parked || nothingPending()) {
      return new FlushResult(nothingPending(), 0, pendingEvents(), Duration.ZERO);
    }
    CompletableFuture<FlushResult> done = sender.flush();
    try {
      return done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return incomplete(start, sentBefore);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return incomplete(start, sentBefore);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Flush marker failed", e.getCause());
    }
  }

  /** See {@code CrossdeckServer.flushAsync}. */
  public CompletableFuture<FlushResult> flushAsync() {
    if (closeStarted.get() || stats.parked || nothingPending()) {
      return CompletableFuture.completedFuture(
          new FlushResult(nothingPending(), 0, pendingEvents(), Duration.ZERO));
    }
    return sender.flush();
  }

  private FlushResult incomplete(long startNanos, long sentBefore) {
    return new FlushResult(
        false,
        stats.sent() - sentBefore,
        pendingEvents(),
        Duration.ofNanos(clock.nanoTime() - startNanos));
  }

  private boolean nothingPending() {
    return sender.idle();
  }

  private long pendingEvents() {
    return (long) queue.size() + stats.inFlight;
  }

  /** See {@code CrossdeckServer.close(Duration)}. Idempotent; concurrent callers share a result. */
  public FlushResult close(Duration timeout) {
    if (!closeStarted.compareAndSet(false, true)) {
      return closeResult.join();
    }
    long start = clock.nanoTime();
    long sentBefore = stats.sent();
    long droppedBefore = stats.dropped(DropReason.SHUTDOWN);
    intake.close();
    sender.beginClose(start + timeout.toNanos());
    boolean stopped = false;
    try {
      stopped = sender.awaitTermination(timeout.plus(SENDER_STOP_GRACE));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeTransport();
    removeShutdownHook();
    long remaining = stopped ? stats.dropped(DropReason.SHUTDOWN) - droppedBefore : pendingEvents();
    FlushResult result =
        new FlushResult(
            remaining == 0,
            stats.sent() - sentBefore,
            remaining,
            Duration.ofNanos(clock.nanoTime() - start));
    closeResult.complete(result);
    return result;
  }

  private void closeTransport() {
    try {
      config.transport().close();
    } catch (RuntimeException e) {
      log.debug("Closing the Crossdeck transport failed", e);
    }
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

  /** Whether {@code close} was called. */
  public boolean isClosed() {
    return closeStarted.get();
  }

  /** See {@code CrossdeckServer.diagnostics}. */
  public Diagnostics diagnostics() {
    Diagnostics.Delivery delivery =
        new Diagnostics.Delivery(
            stats.queued(),
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
            isClosed());
    return new Diagnostics(
        SdkInfo.VERSION,
        config.baseUrl(),
        config.secretKey().masked(),
        config.secretKey().environment(),
        new Diagnostics.Queue(
            queue.size(), queue.bytes(), stats.inFlight, queue.maxEvents(), queue.maxBytes()),
        delivery,
        new Diagnostics.Host(
            runtime.host(),
            runtime.region(),
            runtime.serviceName(),
            runtime.serviceVersion(),
            runtime.javaVersion()));
  }

  private static Instant instant(long epochMillis) {
    return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis);
  }

  /** The registered listeners. */
  public Listeners listeners() {
    return listeners;
  }

  /** The counters. */
  public DeliveryStats stats() {
    return stats;
  }

  /** The HTTP client, for direct calls such as heartbeat, identify and ingest. */
  public ApiClient api() {
    return api;
  }

  /** The encoder, for encoding property bags outside the queue. */
  public EventEncoder encoder() {
    return encoder;
  }

  /** The detected runtime. */
  public RuntimeContext runtime() {
    return runtime;
  }

  /** The client's options. */
  public ClientConfig config() {
    return config;
  }
}
