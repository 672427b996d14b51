package com.crossdeck.client.internal.delivery;

import com.crossdeck.client.BeforeSendHook;
import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.DropReason;
import com.crossdeck.client.Event;
import com.crossdeck.client.FlushResult;
import com.crossdeck.client.IdentityHint;
import com.crossdeck.client.internal.Lazy;
import com.crossdeck.client.internal.encoding.Envelope;
import com.crossdeck.client.internal.encoding.EventEncoder;
import com.crossdeck.client.internal.enrichment.SuperProperties;
import com.crossdeck.client.internal.http.ApiClient;
import com.crossdeck.client.internal.http.RetryPolicy;
import com.crossdeck.client.internal.http.TransportHolder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The delivery room's front door: it wires its own parts (the queue, the intake, the sender thread
 * and what decides the fate of each batch), and implements {@code flush} and {@code close} on top
 * of them, over the {@link DurableQueue} too when the client has one. Thread-safe.
 */
public final class DeliveryPipeline {

  private static final Duration SENDER_STOP_GRACE = Duration.ofMillis(100);

  private final DeliveryStats stats;
  private final Listeners listeners;
  private final ApiClient api;
  private final CrossdeckClock clock;
  private final TransportHolder transport;
  private final EventQueue queue;
  private final BatchSender sender;
  private final EventIntake intake;
  private final DurableQueue durable;
  private final AtomicBoolean closeStarted = new AtomicBoolean();
  private final CompletableFuture<FlushResult> closeResult = new CompletableFuture<>();

  /**
   * Wires the pipeline; nothing runs until {@link #start()}.
   *
   * @param options the queue's and the sender's options
   * @param encoder serializes events on the calling thread
   * @param superProperties what every event gains
   * @param api sends batches
   * @param transport the transport, closed last
   * @param envelope the batch envelope, built by the sender on its thread
   * @param stats the client's counters
   * @param listeners the client's listeners
   * @param durable the durable queue offered each event first, or {@code null} for none
   */
  public DeliveryPipeline(
      Options options,
      EventEncoder encoder,
      SuperProperties superProperties,
      ApiClient api,
      TransportHolder transport,
      Lazy<Envelope> envelope,
      DeliveryStats stats,
      Listeners listeners,
      DurableQueue durable) {
    this.stats = stats;
    this.listeners = listeners;
    this.api = api;
    this.durable = durable;
    this.clock = options.clock();
    this.transport = transport;
    this.queue = new EventQueue(options.maxQueueSize(), options.maxQueueBytes(), clock, stats);
    DeliveryOutcomes outcomes =
        new DeliveryOutcomes(stats, listeners, RetryPolicy.DEFAULT, options.random(), clock);
    FlushMarkers markers = new FlushMarkers(queue, stats);
    this.sender =
        new BatchSender(
            queue,
            markers,
            new BatchDelivery(api, outcomes, clock),
            outcomes,
            stats,
            envelope,
            clock,
            options.random(),
            options.batchSize(),
            options.flushInterval(),
            options.startupGrace());
    this.intake =
        new EventIntake(
            encoder,
            queue,
            durable,
            sender,
            stats,
            listeners,
            clock,
            options.identityFallback(),
            options.beforeSend(),
            superProperties,
            options.onQueued(),
            options.missingIdentityAdvice());
  }

  /**
   * The options the pipeline needs.
   *
   * @param batchSize events that trigger a batch
   * @param flushInterval the longest an event waits before its batch is sent
   * @param maxQueueSize the most events held
   * @param maxQueueBytes the most bytes held
   * @param clock the time source
   * @param random jitter and idempotency keys, for the sender thread only
   * @param identityFallback supplies an identity for events without one, or {@code null}
   * @param beforeSend the application's hook on tracked events, or {@code null}
   * @param onQueued told of every event queued, on the tracking thread; or {@code null}
   * @param missingIdentityAdvice how to give events an identity, ending {@code missing_identity}
   *     messages
   * @param startupGrace how long the sender leaves an application that tracks nothing to start
   *     before it does work nothing waits for yet
   */
  public record Options(
      int batchSize,
      Duration flushInterval,
      int maxQueueSize,
      long maxQueueBytes,
      CrossdeckClock clock,
      RandomGenerator random,
      Supplier<IdentityHint> identityFallback,
      BeforeSendHook beforeSend,
      Consumer<Event> onQueued,
      String missingIdentityAdvice,
      Duration startupGrace) {}

  /** Starts the sender thread, and the durable queue's. */
  public void start() {
    sender.start();
    if (durable != null) {
      durable.start();
    }
  }

  /**
   * Delivery by the same rules as the sender's, with its own backoff state, for another holder of
   * batches (the outbox relay). Its outcomes are counted and reported like the sender's.
   *
   * @param random jitter and idempotency keys, for the one thread that will use it
   */
  public BatchDelivery newBatchDelivery(RandomGenerator random) {
    return new BatchDelivery(
        api, new DeliveryOutcomes(stats, listeners, RetryPolicy.DEFAULT, random, clock), clock);
  }

  /**
   * Fails the client from outside the sender (the outbox relay found that nothing can be
   * delivered): the sender stops, {@code track()} refuses with {@code client_failed}, and what the
   * in-memory queue holds is dropped and counted.
   */
  public void fail(String reason) {
    sender.fail(reason);
  }

  /** The {@code track()} path. */
  public EventIntake intake() {
    return intake;
  }

  /** See {@code CrossdeckServer.flush(Duration)}. */
  public FlushResult flush(Duration timeout) {
    long start = clock.nanoTime();
    long sentBefore = stats.sent();
    long droppedBefore = stats.droppedTotal();
    CompletableFuture<FlushResult> done = flushAsync();
    if (done.isDone()) {
      return done.join();
    }
    try {
      return done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return incomplete(start, sentBefore, droppedBefore);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return incomplete(start, sentBefore, droppedBefore);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Flush marker failed", e.getCause());
    }
  }

  /** See {@code CrossdeckServer.flushAsync}. */
  public CompletableFuture<FlushResult> flushAsync() {
    if (durable == null) {
      return flushMemory();
    }
    long start = clock.nanoTime();
    long sentBefore = stats.sent();
    long droppedBefore = stats.droppedTotal();
    // Both counters are the client's, so the result is read from them once both are done.
    return flushMemory()
        .thenCombine(
            durable.flush(),
            (memory, durableLeft) ->
                new FlushResult(
                    memory.completed() && durableLeft == 0,
                    stats.sent() - sentBefore,
                    stats.droppedTotal() - droppedBefore,
                    memory.remaining() + durableLeft,
                    Duration.ofNanos(clock.nanoTime() - start)));
  }

  private CompletableFuture<FlushResult> flushMemory() {
    if (stats.parked() || sender.idle()) {
      return CompletableFuture.completedFuture(
          new FlushResult(sender.idle(), 0, 0, sender.pending(), Duration.ZERO));
    }
    return sender.flush();
  }

  private FlushResult incomplete(long startNanos, long sentBefore, long droppedBefore) {
    return new FlushResult(
        false,
        stats.sent() - sentBefore,
        stats.droppedTotal() - droppedBefore,
        sender.pending() + (durable == null ? 0 : durable.held()),
        Duration.ofNanos(clock.nanoTime() - startNanos));
  }

  /**
   * See {@code CrossdeckServer.close(Duration)}. Closes the queue first, so no event is accepted
   * after it; the sender then delivers what it holds until the deadline and drops the rest as
   * {@code shutdown}, counted. The durable queue delivers until the same deadline, on its own
   * thread, and keeps what is left. Idempotent; concurrent callers share a result.
   */
  public FlushResult close(Duration timeout) {
    if (!closeStarted.compareAndSet(false, true)) {
      return closeResult.join();
    }
    long start = clock.nanoTime();
    long sentBefore = stats.sent();
    long droppedBefore = stats.droppedTotal();
    long shutdownDropsBefore = stats.dropped(DropReason.SHUTDOWN);
    queue.close();
    sender.beginClose(start + timeout.toNanos());
    long durableLeft = durable == null ? 0 : durable.close(start + timeout.toNanos());
    boolean stopped = false;
    try {
      stopped = sender.awaitTermination(timeout.plus(SENDER_STOP_GRACE));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    transport.close();
    long remaining =
        durableLeft
            + (stopped
                ? stats.dropped(DropReason.SHUTDOWN) - shutdownDropsBefore
                : sender.pending());
    FlushResult result =
        new FlushResult(
            remaining == 0,
            stats.sent() - sentBefore,
            stats.droppedTotal() - droppedBefore,
            remaining,
            Duration.ofNanos(clock.nanoTime() - start));
    closeResult.complete(result);
    return result;
  }

  /**
   * Queues an encoded event in memory, for a durable queue that took it but then could not keep it
   * (a transaction's write failed at commit): the event is accepted here instead.
   *
   * @return false, accepting nothing, when the queue is closed
   */
  public boolean enqueue(byte[] encoded) {
    int size = queue.offer(encoded);
    if (size == EventQueue.REFUSED) {
      return false;
    }
    sender.onEventQueued(size);
    return true;
  }

  /** Whether {@code close} was called. */
  public boolean isClosed() {
    return closeStarted.get();
  }

  /** Events waiting in the queue. */
  public int queuedEvents() {
    return queue.size();
  }

  /** Bytes held by queued events. */
  public long queuedBytes() {
    return queue.bytes();
  }

  /** The {@code maxQueueSize} bound. */
  public int maxEvents() {
    return queue.maxEvents();
  }

  /** The {@code maxQueueBytes} bound. */
  public long maxBytes() {
    return queue.maxBytes();
  }
}
