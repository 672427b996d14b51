package com.crossdeck.client.internal;

import com.crossdeck.client.BeforeSendHook;
import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.EntitlementStore;
import com.crossdeck.client.ErrorBeforeSendHook;
import com.crossdeck.client.IdentityHint;
import com.crossdeck.client.outbox.OutboxOptions;
import com.crossdeck.client.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The validated options of one client, as handed from the public builder to the parts it wires.
 *
 * @param secretKey the secret key
 * @param baseUrl the API root, without a trailing slash
 * @param batchSize events that trigger a batch
 * @param flushInterval the longest an event waits before its batch is sent
 * @param flushOnExit whether a JVM shutdown hook drains the queue
 * @param flushOnExitTimeout how long that drain may take
 * @param timeout how long one HTTP request may take
 * @param serviceName the service name option, or {@code null}
 * @param serviceVersion the service version option, or {@code null}
 * @param appVersion the app version option, or {@code null}
 * @param appId the app id option, or {@code null}
 * @param maxQueueSize the most events held in memory
 * @param maxQueueBytes the most bytes held in memory by queued events
 * @param bootHeartbeat whether to check the key in the background at startup
 * @param transportFactory creates the HTTP transport, on the sender thread or on the first direct
 *     call, whichever comes first
 * @param transportName how diagnostics name the transport until it exists
 * @param clock the time source
 * @param random the jitter and idempotency-key source
 * @param identityFallback supplies an identity for events that carry none, or {@code null}
 * @param missingIdentityAdvice how to give events an identity, ending {@code missing_identity}
 *     messages
 * @param listeners listeners registered before the client starts
 * @param errorsPerFingerprintPerMinute captured errors allowed per error site per minute
 * @param errorsPerProcess captured errors allowed for the life of the client
 * @param inAppPackages package prefixes of the application's own code, for stack frames
 * @param environmentVariables the environment, for host detection
 * @param beforeSend the application's hook on tracked events, or {@code null}
 * @param errorBeforeSend the application's hook on captured errors, or {@code null}
 * @param entitlementCacheTtl how long an entitlement answer is used before {@code warm} asks again
 * @param entitlementStaleAfter the age after which an entitlement answer counts as stale
 * @param entitlementCacheMaxCustomers the most customers the entitlement cache keeps
 * @param entitlementStore the durable entitlement store, or {@code null}
 * @param breadcrumbsMaxSize the most breadcrumbs kept for error reports
 * @param breadcrumbsFromEvents whether every tracked event also leaves a breadcrumb
 * @param outbox the transactional outbox's options, or {@code null} for none
 */
public record ClientConfig(
    SecretKey secretKey,
    String baseUrl,
    int batchSize,
    Duration flushInterval,
    boolean flushOnExit,
    Duration flushOnExitTimeout,
    Duration timeout,
    String serviceName,
    String serviceVersion,
    String appVersion,
    String appId,
    int maxQueueSize,
    long maxQueueBytes,
    boolean bootHeartbeat,
    Supplier<? extends Transport> transportFactory,
    String transportName,
    CrossdeckClock clock,
    RandomGenerator random,
    Supplier<IdentityHint> identityFallback,
    String missingIdentityAdvice,
    List<CrossdeckListener> listeners,
    int errorsPerFingerprintPerMinute,
    int errorsPerProcess,
    List<String> inAppPackages,
    Map<String, String> environmentVariables,
    BeforeSendHook beforeSend,
    ErrorBeforeSendHook errorBeforeSend,
    Duration entitlementCacheTtl,
    Duration entitlementStaleAfter,
    int entitlementCacheMaxCustomers,
    EntitlementStore entitlementStore,
    int breadcrumbsMaxSize,
    boolean breadcrumbsFromEvents,
    OutboxOptions outbox) {}
