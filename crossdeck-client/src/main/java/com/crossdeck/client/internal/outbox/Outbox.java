package com.crossdeck.client.internal.outbox;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.Diagnostics;
import com.crossdeck.client.DropReason;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.internal.ApiContract;
import com.crossdeck.client.internal.Lazy;
import com.crossdeck.client.internal.delivery.DeliveryPipeline;
import com.crossdeck.client.internal.delivery.DeliveryStats;
import com.crossdeck.client.internal.delivery.DurableQueue;
import com.crossdeck.client.internal.delivery.Listeners;
import com.crossdeck.client.internal.delivery.LogThrottle;
import com.crossdeck.client.internal.encoding.Envelope;
import com.crossdeck.client.outbox.OutboxOptions;
import com.crossdeck.client.outbox.OutboxTransactions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox room's front door: the durable queue that replaces the in-memory one when the client
 * has an outbox. It writes each tracked event as a row, in the caller's transaction when there is
 * one ({@link TransactionRows}) or in a short transaction of its own, and runs the {@link
 * OutboxRelay} that delivers the rows.
 *
 * <p><b>It never hurts the caller.</b> {@code track()} never throws because of it: an event it
 * cannot write (the database failed or is unreachable, or the event is larger than any request may
 * carry) goes to the in-memory queue instead, counted as a fallback and logged. After a failed
 * write, further writes outside a transaction go to memory for {@value #WRITE_PAUSE_SECONDS} s,
 * then one caller tries again while the others keep going to memory: a database that hangs costs
 * one caller a connection timeout, not all of them. Thread-safe.
 */
public final class Outbox implements DurableQueue {

  private static Logger log() {
    return LoggerFactory.getLogger(Outbox.class);
  }

  static final long WRITE_PAUSE_SECONDS = 5;

  /** The largest row: an event that cannot fit in a request on its own is never written. */
  private static final int MAX_ROW_BYTES = ApiContract.MAX_BODY_BYTES - 1024;

  private final OutboxOptions options;
  private final Settings settings;
  private final Lazy<Envelope> queueEnvelope;
  private final DeliveryStats deliveryStats;
  private final Listeners listeners;
  private final CrossdeckClock clock;
  private final OutboxSql sql;
  private final OutboxStats stats = new OutboxStats();
  private final RelaySignal signal;
  private final OutboxFlushes flushes;
  private final LogThrottle throttle;
  private final TransactionOutcomes outcomes = new TransactionOutcomes();
  private final AtomicBoolean probing = new AtomicBoolean();
  private final long relaySeed;
  private volatile RowWriter writer;
  private volatile long writesPausedUntilNanos = Long.MIN_VALUE;
  private volatile boolean warmedUp;
  private OutboxRelay relay;
  private DeliveryPipeline pipeline;

  /**
   * The client's settings the outbox follows.
   *
   * @param environment the key's environment, for the batch envelope
   * @param appId the app id of the envelope, or {@code null}
   * @param clock the time source
   * @param batchSize rows this process committed that wake the relay
   * @param flushInterval the longest such a row waits for the relay
   * @param requestTimeout how long one request may take; a claim outlasts it
   */
  public record Settings(
      String environment,
      String appId,
      CrossdeckClock clock,
      int batchSize,
      Duration flushInterval,
      Duration requestTimeout) {}

  /**
   * Sets the outbox up: connects, checks the tables and creates those missing (when allowed).
   *
   * @param options the outbox's options
   * @param settings the client's settings
   * @param random the client's random source, asked once here for the relay's own seed
   * @param queueEnvelope the envelope whose per-event context completes each row
   * @param deliveryStats the client's counters
   * @param listeners the client's listeners
   * @throws CrossdeckException {@code invalid_option} when the database is not supported, or a
   *     table is missing and may not be created; when the database cannot be reached, it logs that
   *     and the relay keeps trying, while events go to the in-memory queue
   */
  public Outbox(
      OutboxOptions options,
      Settings settings,
      RandomGenerator random,
      Lazy<Envelope> queueEnvelope,
      DeliveryStats deliveryStats,
      Listeners listeners) {
    this.options = options;
    this.settings = settings;
    this.queueEnvelope = queueEnvelope;
    this.deliveryStats = deliveryStats;
    this.listeners = listeners;
    this.clock = settings.clock();
    this.sql = new OutboxSql(options.table(), options.rejectedTable());
    this.signal = new RelaySignal(clock, settings.batchSize());
    this.flushes = new OutboxFlushes(signal);
    this.throttle = new LogThrottle(clock, TimeUnit.MINUTES.toNanos(1));
    this.relaySeed = random.nextLong();
    try {
      setUp();
    } catch (OutboxSetupException e) {
      throw CrossdeckException.builder(ErrorCodes.TYPE_CONFIGURATION, ErrorCodes.INVALID_OPTION)
          .message(e.getMessage())
          .cause(e)
          .build();
    } catch (SQLException e) {
      stats.recordError(e.toString());
      log()
          .warn(
              "Crossdeck could not reach the outbox's database at startup ({}); events are queued in"
                  + " memory until it can, and the relay keeps trying.",
              e.toString());
    }
  }

  /** Connects the outbox to the delivery pipeline it sends through and falls back to. */
  public void connect(DeliveryPipeline pipeline) {
    this.pipeline = pipeline;
    long leaseMillis =
        Math.max(TimeUnit.SECONDS.toMillis(60), 4 * settings.requestTimeout().toMillis());
    SplittableRandom random = new SplittableRandom(relaySeed);
    this.relay =
        new OutboxRelay(
            new OutboxRelay.Parts(
                new RowClaims(
                    options.dataSource(),
                    sql,
                    "relay_" + Long.toHexString(random.nextLong()),
                    leaseMillis),
                new OutboxMaintenance(
                    options.dataSource(),
                    sql,
                    options.maxRows(),
                    options.maxBytes(),
                    options.maxAge()),
                pipeline.newBatchDelivery(random.split()),
                Envelope.forCompleteEvents(settings.environment(), settings.appId()),
                stats,
                deliveryStats,
                new OutboxDrops(
                    deliveryStats,
                    listeners,
                    clock,
                    options.maxRows(),
                    options.maxBytes(),
                    options.maxAge().toMillis()),
                signal,
                flushes,
                this::ensureSetUp,
                pipeline::fail),
            new OutboxRelay.Options(
                clock,
                random.split(),
                settings.batchSize(),
                settings.flushInterval(),
                options.pollInterval(),
                options.maxAge()));
  }

  @Override
  public void start() {
    relay.start();
  }

  @Override
  public Offer offer(byte[] encoded) {
    try {
      RowWriter rows = writer;
      if (rows == null) {
        return declined("its database has not been reached yet");
      }
      byte[] row = queueEnvelope.get().completeEvent(encoded);
      if (row.length > MAX_ROW_BYTES) {
        return declined("the event has " + row.length + " bytes, more than a request may carry");
      }
      long now = clock.currentTimeMillis();
      TransactionRows transaction = joinTransaction(rows);
      if (transaction != null) {
        TransactionRows.Added added = transaction.add(row, now);
        if (added == TransactionRows.Added.HELD) {
          return Offer.TAKEN;
        }
        if (added == TransactionRows.Added.FULL) {
          return Offer.REFUSED;
        }
      }
      return writeAlone(rows, row, now) ? Offer.TAKEN : Offer.DECLINED;
    } catch (Throwable e) {
      // Whatever happens here, the caller of track() must not see it; memory takes the event.
      return declined(e.toString());
    }
  }

  private TransactionRows joinTransaction(RowWriter rows) {
    OutboxTransactions.Participant participant;
    try {
      participant = options.transactions().join(() -> new TransactionRows(rows, outcomes));
    } catch (Throwable e) {
      if (throttle.shouldLog("join")) {
        log().warn("Crossdeck outbox could not join the caller's transaction; writing alone", e);
      }
      return null;
    }
    return participant instanceof TransactionRows transaction ? transaction : null;
  }

  /** Writes a row in its own transaction, unless writes are paused after a failure. */
  private boolean writeAlone(RowWriter rows, byte[] row, long createdAt) {
    boolean probe = false;
    if (writesPausedUntilNanos != Long.MIN_VALUE) {
      if (clock.nanoTime() < writesPausedUntilNanos) {
        declined("an earlier write failed, and writes are paused");
        return false;
      }
      // The pause is over: one caller at a time finds out whether the database is back.
      probe = probing.compareAndSet(false, true);
      if (!probe) {
        declined("an earlier write failed, and another caller is retrying");
        return false;
      }
    }
    try {
      rows.writeAlone(row, createdAt);
      if (probe) {
        writesPausedUntilNanos = Long.MIN_VALUE;
      }
      stats.recordSuccess();
      outcomes.committed(1);
      return true;
    } catch (SQLException | RuntimeException e) {
      writesPausedUntilNanos = clock.nanoTime() + TimeUnit.SECONDS.toNanos(WRITE_PAUSE_SECONDS);
      stats.recordError(e.toString());
      declined("writing failed: " + e);
      return false;
    } finally {
      if (probe) {
        probing.set(false);
      }
    }
  }

  private Offer declined(String why) {
    stats.recordFallback();
    if (throttle.shouldLog("declined")) {
      log()
          .warn(
              "Crossdeck outbox could not take an event ({}); it was queued in memory instead, where"
                  + " a crash loses it. Further ones are counted (outbox fallbacks) and logged at"
                  + " most once a minute.",
              why);
    }
    return Offer.DECLINED;
  }

  /** Sets the outbox up if startup could not: the relay calls it before each turn. */
  private void ensureSetUp() throws SQLException {
    if (!warmedUp) {
      warmedUp = true;
      try {
        // The first track() then finds the context every row carries ready.
        queueEnvelope.get();
      } catch (RuntimeException e) {
        log().debug("Crossdeck outbox could not prepare the event context", e);
      }
    }
    if (writer != null) {
      return;
    }
    try {
      setUp();
      log().info("Crossdeck outbox reached its database; events are written to {}", sql.table());
    } catch (OutboxSetupException e) {
      throw new SQLException(e.getMessage(), e);
    }
  }

  private void setUp() throws SQLException {
    OutboxSchema.Database database =
        OutboxSchema.setUp(options.dataSource(), sql, options.createTable());
    stats.recordReady(database.description());
    writer = new RowWriter(options.dataSource(), sql, database.dialect());
  }

  @Override
  public String transactionLimit() {
    return String.format(
        "%,d events or %d MiB", TransactionRows.MAX_ROWS, TransactionRows.MAX_BYTES >> 20);
  }

  @Override
  public CompletableFuture<Long> flush() {
    return flushes.request();
  }

  @Override
  public long close(long deadlineNanos) {
    return relay.close(deadlineNanos);
  }

  @Override
  public long held() {
    return stats.depth();
  }

  /** The outbox's part of the diagnostics; reads memory only. */
  public Diagnostics.Outbox diagnostics() {
    return stats.snapshot(sql.table());
  }

  /** What the outbox does as the transactions it joined end. */
  private final class TransactionOutcomes implements TransactionRows.Outcomes {

    @Override
    public void committed(int rows) {
      deliveryStats.recordAccepted(rows);
      stats.recordWritten(rows);
      signal.committed(rows);
    }

    @Override
    public void committedUnwritten(byte[] payload, long createdAt) {
      RowWriter rows = writer;
      if (rows != null && writeAlone(rows, payload, createdAt)) {
        return;
      }
      if (pipeline.enqueue(queueEnvelope.get().encodedEvent(payload))) {
        return;
      }
      // The client closed while the transaction committed: the event is accepted and lost.
      deliveryStats.recordAccepted(1);
      deliveryStats.recordDropped(DropReason.SHUTDOWN, 1);
      listeners.eventsDropped(new CrossdeckListener.EventsDropped(1, DropReason.SHUTDOWN));
      log().warn("Crossdeck dropped an event committed after the client closed");
    }

    @Override
    public void rolledBack(int events) {
      stats.recordRolledBack(events);
    }

    @Override
    public void writeFailed(Exception error) {
      stats.recordError(error.toString());
      if (throttle.shouldLog("transaction_write")) {
        log()
            .warn(
                "Crossdeck outbox could not write a transaction's events in it ({}); the transaction"
                    + " goes on without them, and they are written once it commits. Logged at most"
                    + " once a minute.",
                error.toString());
      }
    }
  }
}
