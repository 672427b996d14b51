package com.crossdeck.client;

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
 */
public record Diagnostics(
    String sdkVersion,
    String baseUrl,
    String maskedSecretKey,
    String environment,
    String transport,
    Queue queue,
    Delivery delivery,
    Host host) {

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
    return map;
  }
}
