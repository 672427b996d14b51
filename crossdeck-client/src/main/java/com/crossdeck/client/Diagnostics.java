package com.crossdeck.client;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A point-in-time snapshot of a client's configuration, queue and delivery state, for health
 * checks, dashboards and support. Reading it does no I/O. The secret key appears only masked.
 *
 * <p>Every event {@code track()} accepted is in exactly one place: {@code delivery().accepted() ==
 * delivery().sent() + delivery().droppedTotal() + queue().held()} whenever no {@code track()} call
 * is in progress (and always after {@code close()} returned), since the counters are read one after
 * another while the sender works.
 *
 * <p>With an {@linkplain Outbox outbox}, events it holds are counted as held there: {@code accepted
 * == sent + droppedTotal + queue().held() + outbox().depth()} for a single process whose table
 * started empty, once the depth has been measured after the last change ({@code flush()} and {@code
 * close()} measure it). The table is shared by every instance and outlives the process, so in
 * general the identity holds for the sums over every process that used the table.
 *
 * @param sdkVersion this SDK's version
 * @param baseUrl the API root events are sent to
 * @param maskedSecretKey the secret key's environment prefix and last characters, e.g. {@code
 *     cd_sk_live_****9f3a}
 * @param environment {@code production} or {@code sandbox}
 * @param transport the HTTP transport: {@code okhttp} or {@code jdk-httpclient} (the default
 *     chooses OkHttp when it can run here), {@code custom}, or {@code disabled}; {@code default}
 *     until the sender thread has created it
 * @param queue what is waiting to be sent
 * @param delivery what has been sent, dropped and rejected, and the current delivery state
 * @param host where the process runs
 * @param outbox the transactional outbox, {@link Outbox#DISABLED} when the client has none
 */
public record Diagnostics(
    String sdkVersion,
    String baseUrl,
    String maskedSecretKey,
    String environment,
    String transport,
    Queue queue,
    Delivery delivery,
    Host host,
    Outbox outbox) {

  /**
   * The queue.
   *
   * @param events events waiting to be batched
   * @param bytes bytes those events hold
   * @param inFlight events being sent or awaiting a retry
   * @param maxEvents the {@code maxQueueSize} bound
   * @param maxBytes the {@code maxQueueBytes} bound
   */
  public record Queue(int events, long bytes, int inFlight, int maxEvents, long maxBytes) {

    /** Events accepted and not yet resolved: queued, or being sent, or awaiting a retry. */
    public long held() {
      return (long) events + inFlight;
    }
  }

  /**
   * Delivery counters and state.
   *
   * @param accepted events accepted by {@code track()}
   * @param sent events delivered
   * @param batches batches delivered
   * @param retries failed attempts that were retried
   * @param dropped events dropped after being accepted, by reason (every reason present)
   * @param rejected events refused by {@code track()}, by error code
   * @param truncated events whose properties were cut to 8 KB
   * @param droppedPropertyValues property values dropped because they could not be converted
   * @param lastFlushAt when a batch was last delivered, or {@code null}
   * @param lastError the most recent delivery error, cleared by the next success
   * @param consecutiveFailures failed attempts since the last success
   * @param nextRetryAt when the pending batch will be retried, or {@code null}
   * @param parked whether the server refused this SDK version and sending stopped
   * @param parkedMinVersion the minimum SDK version the server asked for, or {@code null}
   * @param keyRejected whether the server rejected the secret key (HTTP 401)
   * @param failure why the client failed and accepts no more events (its transport could not be
   *     created or cannot run, or its sender thread could not continue), or {@code null} while it
   *     works
   * @param listenerFailures listener callbacks that threw (each caught and counted)
   * @param senderErrors unexpected errors the sender thread caught and survived
   * @param closed whether the client was closed
   */
  public record Delivery(
      long accepted,
      long sent,
      long batches,
      long retries,
      Map<DropReason, Long> dropped,
      Map<String, Long> rejected,
      long truncated,
      long droppedPropertyValues,
      Instant lastFlushAt,
      String lastError,
      int consecutiveFailures,
      Instant nextRetryAt,
      boolean parked,
      String parkedMinVersion,
      boolean keyRejected,
      String failure,
      long listenerFailures,
      long senderErrors,
      boolean closed) {

    /** Freezes the maps. */
    public Delivery {
      dropped = Map.copyOf(dropped);
      rejected = Map.copyOf(rejected);
    }

    /** Total events dropped after acceptance, all reasons together. */
    public long droppedTotal() {
      return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether the client failed; see {@link #failure()}. */
    public boolean failed() {
      return failure != null;
    }
  }

  /**
   * The runtime, as sent in each event's {@code context}.
   *
   * @param platform the hosting platform ({@code aws-lambda}, {@code kubernetes}, … or {@code jvm})
   * @param region the platform's region, or {@code null}
   * @param serviceName the service name, or {@code null}
   * @param serviceVersion the service version, or {@code null}
   * @param javaVersion the Java runtime version
   */
  public record Host(
      String platform,
      String region,
      String serviceName,
      String serviceVersion,
      String javaVersion) {}

  /**
   * The transactional outbox. Depth, bytes and age describe the table, shared by every instance, as
   * last measured by this process's relay; the counters are this process's.
   *
   * @param enabled whether the client delivers through an outbox
   * @param ready whether the outbox is set up and takes events; false while its database could not
   *     be reached since startup (events are queued in memory meanwhile, counted as fallbacks)
   * @param table the outbox table, or {@code null} when disabled
   * @param database the database product and version, or {@code null} until connected
   * @param depth rows waiting in the table: as of {@code checkedAt}, adjusted by the rows this
   *     process wrote and deleted since
   * @param bytes bytes of the events those rows hold
   * @param oldestAge how long the oldest waiting row had waited at {@code checkedAt}; zero when
   *     none
   * @param checkedAt when depth, bytes and age were measured; {@code null} before the first time
   * @param written events this process wrote to the table (in a transaction: once it committed)
   * @param rolledBack events tracked in transactions that rolled back: never written, never counted
   *     as accepted
   * @param fallbacks events the outbox could not take (the database failed or was unreachable, or
   *     the event was too large for any request), queued in memory instead
   * @param movedAside rows the server refused for good, moved to the rejected table by this process
   *     (their drops are counted in {@link Delivery#dropped()})
   * @param relayLag how long the events of the last batch this process's relay delivered had waited
   *     since they were written; zero before the first
   * @param relayFailures database operations of this process's relay that failed and were retried
   * @param takenOver rows this process's relay had claimed that another instance claimed after the
   *     claim ran out (this process stalled beyond the lease): each may have been sent twice, and
   *     the server's deduplication by event id stored it once. Zero in normal operation
   * @param lastError the last database error of the outbox, {@code null} after a success
   */
  public record Outbox(
      boolean enabled,
      boolean ready,
      String table,
      String database,
      long depth,
      long bytes,
      Duration oldestAge,
      Instant checkedAt,
      long written,
      long rolledBack,
      long fallbacks,
      long movedAside,
      Duration relayLag,
      long relayFailures,
      long takenOver,
      String lastError) {

    /** A client without an outbox. */
    public static final Outbox DISABLED =
        new Outbox(
            false,
            false,
            null,
            null,
            0,
            0,
            Duration.ZERO,
            null,
            0,
            0,
            0,
            0,
            Duration.ZERO,
            0,
            0,
            null);

    /**
     * The entries of {@link Diagnostics#toMap()}: durations in milliseconds, the time as ISO-8601
     * text, absent values left out.
     */
    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("ready", ready);
      map.put("table", table);
      putIfPresent(map, "database", database);
      map.put("depth", depth);
      map.put("bytes", bytes);
      map.put("oldestAgeMs", oldestAge.toMillis());
      putIfPresent(map, "checkedAt", checkedAt == null ? null : checkedAt.toString());
      map.put("written", written);
      map.put("rolledBack", rolledBack);
      map.put("fallbacks", fallbacks);
      map.put("movedAside", movedAside);
      map.put("relayLagMs", relayLag.toMillis());
      map.put("relayFailures", relayFailures);
      map.put("takenOver", takenOver);
      putIfPresent(map, "lastError", lastError);
      return map;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
      if (value != null) {
        map.put(key, value);
      }
    }
  }

  /** A flat, ordered view with string keys, convenient for health endpoints and logs. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("environment", environment);
    map.put("secretKey", maskedSecretKey);
    map.put("baseUrl", baseUrl);
    map.put("sdkVersion", sdkVersion);
    map.put("transport", transport);
    map.put("queueSize", queue.events());
    map.put("queueBytes", queue.bytes());
    map.put("inFlight", queue.inFlight());
    map.put("accepted", delivery.accepted());
    map.put("sent", delivery.sent());
    Map<String, Long> dropped = new LinkedHashMap<>();
    for (DropReason reason : DropReason.values()) {
      dropped.put(reason.tag(), delivery.dropped().getOrDefault(reason, 0L));
    }
    map.put("dropped", dropped);
    map.put("rejected", delivery.rejected());
    map.put("lastFlushAt", delivery.lastFlushAt());
    map.put("lastError", delivery.lastError());
    map.put("consecutiveFailures", delivery.consecutiveFailures());
    map.put("nextRetryAt", delivery.nextRetryAt());
    map.put("parked", delivery.parked());
    map.put("keyRejected", delivery.keyRejected());
    map.put("failed", delivery.failed());
    map.put("failure", delivery.failure());
    map.put("listenerFailures", delivery.listenerFailures());
    map.put("closed", delivery.closed());
    if (outbox.enabled()) {
      map.put("outbox", outbox.toMap());
    }
    return map;
  }
}
