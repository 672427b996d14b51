package com.crossdeck.client;

import static com.crossdeck.client.internal.OptionChecks.invalid;
import static com.crossdeck.client.internal.OptionChecks.requireDuration;
import static com.crossdeck.client.internal.OptionChecks.requireRange;

import com.crossdeck.client.internal.ClientConfig;
import com.crossdeck.client.internal.SecretKey;
import com.crossdeck.client.internal.http.DefaultTransport;
import com.crossdeck.client.internal.http.TransportHolder;
import com.crossdeck.client.outbox.OutboxOptions;
import com.crossdeck.client.transport.JdkHttpTransport;
import com.crossdeck.client.transport.OkHttpTransport;
import com.crossdeck.client.transport.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Configures a {@link CrossdeckServer}. Obtain one from {@link CrossdeckServer#builder(String)};
 * every option has a production-ready default. Options are checked in {@link #build()}, which
 * throws a {@link CrossdeckException} ({@code configuration_error}) naming the option and its valid
 * range. Not thread-safe.
 */
public final class CrossdeckServerBuilder {

  /** Default batch trigger: a batch is sent once this many events wait. */
  public static final int DEFAULT_EVENT_FLUSH_BATCH_SIZE = 20;

  /** Default longest wait of an event before its batch is sent. */
  public static final Duration DEFAULT_EVENT_FLUSH_INTERVAL = Duration.ofMillis(1500);

  /** Default bound of the shutdown-hook drain. */
  public static final Duration DEFAULT_FLUSH_ON_EXIT_TIMEOUT = Duration.ofSeconds(2);

  /** Default per-request timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  /** Default API root. */
  public static final String DEFAULT_BASE_URL = "https://api.cross-deck.com/v1";

  /**
   * Default bound on queued events: a burst of 100,000 typical events is held without loss, while
   * {@link #DEFAULT_MAX_QUEUE_BYTES} caps the memory that can take.
   */
  public static final int DEFAULT_MAX_QUEUE_SIZE = 100_000;

  /** Default bound on memory held by queued events: 64 MiB. */
  public static final long DEFAULT_MAX_QUEUE_BYTES = 64L * 1024 * 1024;

  /**
   * Default time an entitlement answer is used before {@link CrossdeckEntitlements#warm} asks
   * Crossdeck again: 60 s, as in the reference SDK.
   */
  public static final Duration DEFAULT_ENTITLEMENT_CACHE_TTL = Duration.ofSeconds(60);

  /** Default age after which a cached entitlement answer counts as stale: 24 h. */
  public static final Duration DEFAULT_ENTITLEMENT_STALE_AFTER = Duration.ofHours(24);

  /** Default bound on customers in the entitlement cache: 10,000, as in the reference SDK. */
  public static final int DEFAULT_ENTITLEMENT_CACHE_MAX_CUSTOMERS = 10_000;

  /** Default number of breadcrumbs kept for error reports: 50, as in the reference SDK. */
  public static final int DEFAULT_BREADCRUMBS_MAX_SIZE = 50;

  /** What a {@code missing_identity} rejection advises unless the builder is given other advice. */
  static final String DEFAULT_MISSING_IDENTITY_ADVICE =
      "Name one on the event (Event.builder(name).developerUserId(userId), or anonymousId or"
          + " crossdeckCustomerId), or give the client an identityFallback that supplies the"
          + " current user's.";

  private final String secretKey;
  private int eventFlushBatchSize = DEFAULT_EVENT_FLUSH_BATCH_SIZE;
  private Duration eventFlushInterval = DEFAULT_EVENT_FLUSH_INTERVAL;
  private boolean flushOnExit = true;
  private Duration flushOnExitTimeout = DEFAULT_FLUSH_ON_EXIT_TIMEOUT;
  private Duration timeout = DEFAULT_TIMEOUT;
  private String baseUrl = DEFAULT_BASE_URL;
  private String serviceName;
  private String serviceVersion;
  private String appVersion;
  private String appId;
  private int maxQueueSize = DEFAULT_MAX_QUEUE_SIZE;
  private long maxQueueBytes = DEFAULT_MAX_QUEUE_BYTES;
  private boolean bootHeartbeat = true;
  private Supplier<? extends Transport> transportFactory;
  private String transportName;
  private CrossdeckClock clock = CrossdeckClock.system();
  private RandomGenerator random;
  private Supplier<IdentityHint> identityFallback;
  private String missingIdentityAdvice = DEFAULT_MISSING_IDENTITY_ADVICE;
  private final List<CrossdeckListener> listeners = new ArrayList<>();
  private int errorsPerFingerprintPerMinute = 5;
  private int errorsPerProcess = 100;
  private List<String> inAppPackages = List.of();
  private Map<String, String> environmentVariables = System.getenv();
  private boolean enabled = true;
  private BeforeSendHook beforeSend;
  private ErrorBeforeSendHook errorBeforeSend;
  private Duration entitlementCacheTtl = DEFAULT_ENTITLEMENT_CACHE_TTL;
  private Duration entitlementStaleAfter = DEFAULT_ENTITLEMENT_STALE_AFTER;
  private int entitlementCacheMaxCustomers = DEFAULT_ENTITLEMENT_CACHE_MAX_CUSTOMERS;
  private EntitlementStore entitlementStore;
  private int breadcrumbsMaxSize = DEFAULT_BREADCRUMBS_MAX_SIZE;
  private boolean breadcrumbsFromEvents;
  private OutboxOptions outbox;

  CrossdeckServerBuilder(String secretKey) {
    this.secretKey = secretKey;
  }

  /** Events that trigger a batch; 1 to 100, default 20. */
  public CrossdeckServerBuilder eventFlushBatchSize(int size) {
    this.eventFlushBatchSize = size;
    return this;
  }

  /** The longest an event waits before its batch is sent; 1 ms to 10 min, default 1500 ms. */
  public CrossdeckServerBuilder eventFlushInterval(Duration interval) {
    this.eventFlushInterval = interval;
    return this;
  }

  /**
   * Whether a JVM shutdown hook delivers queued events when the process exits; default true. The
   * Spring Boot starter turns it off and drains from its lifecycle instead.
   */
  public CrossdeckServerBuilder flushOnExit(boolean enabled) {
    this.flushOnExit = enabled;
    return this;
  }

  /**
   * How long the exit drain (and {@link CrossdeckServer#close()}) may take; 0 to 5 min, default 2
   * s.
   */
  public CrossdeckServerBuilder flushOnExitTimeout(Duration timeout) {
    this.flushOnExitTimeout = timeout;
    return this;
  }

  /** How long one HTTP request may take, end to end; 1 ms to 10 min, default 15 s. */
  public CrossdeckServerBuilder timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** The API root, default {@value #DEFAULT_BASE_URL}; point it at the emulator in development. */
  public CrossdeckServerBuilder baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
    return this;
  }

  /** The service name sent in each event's context; detected from the platform when unset. */
  public CrossdeckServerBuilder serviceName(String serviceName) {
    this.serviceName = serviceName;
    return this;
  }

  /** The service version sent in each event's context; detected from the platform when unset. */
  public CrossdeckServerBuilder serviceVersion(String serviceVersion) {
    this.serviceVersion = serviceVersion;
    return this;
  }

  /** The application version sent in each event's context. */
  public CrossdeckServerBuilder appVersion(String appVersion) {
    this.appVersion = appVersion;
    return this;
  }

  /** The app id sent in the batch envelope (informational; the server routes by key). */
  public CrossdeckServerBuilder appId(String appId) {
    this.appId = appId;
    return this;
  }

  /** The most events held in memory; 1 to 10,000,000, default 100,000. Oldest are dropped first. */
  public CrossdeckServerBuilder maxQueueSize(int maxQueueSize) {
    this.maxQueueSize = maxQueueSize;
    return this;
  }

  /** The most bytes held by queued events; 64 KiB to 2 GiB, default 64 MiB. */
  public CrossdeckServerBuilder maxQueueBytes(long maxQueueBytes) {
    this.maxQueueBytes = maxQueueBytes;
    return this;
  }

  /**
   * Whether to check the key with {@code GET /sdk/heartbeat} in the background, about 10 s after
   * {@link #build()} (when the application has had time to start); default true. A rejected key is
   * logged as an error and shown in {@link Diagnostics}.
   */
  public CrossdeckServerBuilder bootHeartbeat(boolean enabled) {
    this.bootHeartbeat = enabled;
    return this;
  }

  /**
   * The HTTP transport. By default the client creates one on its sender thread (never in {@link
   * #build()}), using {@link #timeout(Duration)}: an {@link OkHttpTransport} when OkHttp can run
   * here, otherwise a {@link JdkHttpTransport} (OkHttp absent, or a Kotlin runtime older than it
   * needs, as under Spring Boot 3.5's dependency management). {@link Diagnostics#transport()} names
   * the one in use. Pass {@code OkHttpTransport.create(yourClient)} or {@code
   * JdkHttpTransport.create(yourClient)} to share an application's client.
   */
  public CrossdeckServerBuilder transport(Transport transport) {
    Objects.requireNonNull(transport, "transport");
    this.transportFactory = () -> transport;
    this.transportName = TransportHolder.nameOf(transport);
    return this;
  }

  /**
   * Creates the HTTP transport when it is first needed: on the client's sender thread as it starts,
   * or in the first {@code identify}, {@code ingest} or {@code heartbeat} call if that comes first;
   * never in {@link #build()}. Use it for a transport that is costly to create. If the factory
   * throws, the client reports itself failed ({@link Diagnostics.Delivery#failure()}) and drops,
   * counted, what it holds.
   */
  public CrossdeckServerBuilder transportFactory(Supplier<? extends Transport> factory) {
    this.transportFactory = Objects.requireNonNull(factory, "factory");
    this.transportName = "custom";
    return this;
  }

  /** The time source; replace it in tests to drive intervals and backoff without sleeping. */
  public CrossdeckServerBuilder clock(CrossdeckClock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * The random source for retry jitter and batch idempotency keys, used only by the sender thread;
   * replace it in tests for deterministic backoff. Event ids always use a per-thread source.
   */
  public CrossdeckServerBuilder random(RandomGenerator random) {
    this.random = random;
    return this;
  }

  /**
   * Supplies the identity of events tracked without one, for example the current request's user or
   * visitor. Consulted only for such events, on the thread calling {@code track}; returning {@code
   * null} (or throwing) leaves the event without identity, and it is rejected.
   */
  public CrossdeckServerBuilder identityFallback(Supplier<IdentityHint> identityFallback) {
    this.identityFallback = identityFallback;
    return this;
  }

  /**
   * Says how events get an identity in this application: ends the message of every event rejected
   * as {@code missing_identity} (its {@link TrackResult#message()}, the log line and the listener
   * callback). By default the client advises naming one on the event or setting an {@link
   * #identityFallback(Supplier) identityFallback}; a framework integration that supplies the
   * fallback says where its identities come from instead (the Spring Boot starter names the
   * signed-in user, the {@code X-Anon-Id} header and {@code @TrackEvent(userId = …)}).
   */
  public CrossdeckServerBuilder missingIdentityAdvice(String advice) {
    this.missingIdentityAdvice = Objects.requireNonNull(advice, "advice").strip();
    return this;
  }

  /** Registers a listener before the client starts, so it sees everything. */
  public CrossdeckServerBuilder listener(CrossdeckListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * How many errors {@link CrossdeckServer#captureError} sends per error site (fingerprint) per
   * minute; 0 to 10,000, default 5. Further captures of the same error are counted, not sent.
   */
  public CrossdeckServerBuilder errorCaptureRateLimit(int perFingerprintPerMinute) {
    this.errorsPerFingerprintPerMinute = perFingerprintPerMinute;
    return this;
  }

  /**
   * How many errors {@code captureError} sends in the life of the client; 0 to 1,000,000, default
   * 100.
   */
  public CrossdeckServerBuilder errorCaptureProcessCap(int perProcess) {
    this.errorsPerProcess = perProcess;
    return this;
  }

  /**
   * Package prefixes of your own code (for example {@code com.acme.}); captured stack frames in
   * them are marked in-app and decide an error's fingerprint. By default every frame outside
   * well-known libraries counts as in-app.
   */
  public CrossdeckServerBuilder inAppPackages(List<String> packagePrefixes) {
    this.inAppPackages = List.copyOf(packagePrefixes);
    return this;
  }

  /**
   * A hook that sees, may change and may drop every event given to {@code track()}; see {@link
   * BeforeSendHook}. Combine several with {@link BeforeSendHook#inOrder}. Default none.
   */
  public CrossdeckServerBuilder beforeSend(BeforeSendHook hook) {
    this.beforeSend = hook;
    return this;
  }

  /**
   * A hook that sees, may change and may drop every captured error and message; see {@link
   * ErrorBeforeSendHook}. Default none.
   */
  public CrossdeckServerBuilder errorBeforeSend(ErrorBeforeSendHook hook) {
    this.errorBeforeSend = hook;
    return this;
  }

  /**
   * How long an entitlement answer is used before {@link CrossdeckEntitlements#warm} asks Crossdeck
   * again; 0 to 24 h, default 60 s. 0 makes every {@code warm} ask. Answers keep serving after it
   * (last-known-good); it never empties the cache.
   */
  public CrossdeckServerBuilder entitlementCacheTtl(Duration ttl) {
    this.entitlementCacheTtl = ttl;
    return this;
  }

  /**
   * The age after which a cached entitlement answer counts as stale (in {@link
   * CrossdeckEntitlements#cacheStats()}); 1 s to 30 days, default 24 h. Stale answers still serve.
   */
  public CrossdeckServerBuilder entitlementStaleAfter(Duration staleAfter) {
    this.entitlementStaleAfter = staleAfter;
    return this;
  }

  /**
   * The most customers the entitlement cache keeps (and as many user and anonymous id aliases); 1
   * to 1,000,000, default 10,000. Beyond it the least recently written is forgotten.
   */
  public CrossdeckServerBuilder entitlementCacheMaxCustomers(int maxCustomers) {
    this.entitlementCacheMaxCustomers = maxCustomers;
    return this;
  }

  /**
   * A durable store for entitlement answers, so they survive a cold start (serverless); see {@link
   * EntitlementStore}. Default none.
   */
  public CrossdeckServerBuilder entitlementStore(EntitlementStore store) {
    this.entitlementStore = store;
    return this;
  }

  /**
   * How many breadcrumbs are kept for error reports ({@link CrossdeckServer#addBreadcrumb}); 0 to
   * 1,000, default 50. The oldest is dropped first.
   */
  public CrossdeckServerBuilder breadcrumbsMaxSize(int maxSize) {
    this.breadcrumbsMaxSize = maxSize;
    return this;
  }

  /**
   * Whether every tracked event also leaves a breadcrumb (its name, and its properties as data), as
   * the reference SDK does; default false. Breadcrumbs are process-wide, so on a server that serves
   * many people one person's error report would carry other people's recent events and their
   * properties; turn it on only where that is acceptable (a worker that serves one tenant, say).
   */
  public CrossdeckServerBuilder breadcrumbsFromEvents(boolean enabled) {
    this.breadcrumbsFromEvents = enabled;
    return this;
  }

  /**
   * Delivers through a transactional outbox in the application's database instead of the in-memory
   * queue, so that tracked events survive {@code kill -9} and the loss of the machine, and an event
   * tracked in a transaction is stored if and only if the transaction commits; see {@link
   * OutboxOptions}. Off by default. {@link #build()} then connects to the database (and creates the
   * outbox tables if they are missing); should the database be unreachable, it starts anyway,
   * queues events in memory and keeps trying.
   */
  public CrossdeckServerBuilder outbox(OutboxOptions outbox) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    return this;
  }

  /** Marks the client as one that sends nothing; see {@link CrossdeckServer#disabled()}. */
  CrossdeckServerBuilder disabled() {
    this.enabled = false;
    return this;
  }

  /** The environment variables used to detect the host platform; for tests. */
  CrossdeckServerBuilder environmentVariables(Map<String, String> environmentVariables) {
    this.environmentVariables = Map.copyOf(environmentVariables);
    return this;
  }

  /**
   * Validates the options and starts the client: its sender thread, its shutdown hook (when {@code
   * flushOnExit}) and its background heartbeat (when {@code bootHeartbeat}). It returns in
   * milliseconds: the HTTP transport, the JSON mapper and the runtime context are created by the
   * sender thread when first needed, and events tracked meanwhile wait in the queue.
   *
   * @throws CrossdeckException {@code invalid_secret_key} when no key was given, when the key has
   *     whitespace or a control character inside it (surrounding whitespace is removed), or when it
   *     does not start with {@code cd_sk_}; {@code invalid_option} when an option is out of range
   */
  public CrossdeckServer build() {
    SecretKey key = SecretKey.of(secretKey);
    requireRange("eventFlushBatchSize", eventFlushBatchSize, 1, 100, "");
    requireDuration(
        "eventFlushInterval", eventFlushInterval, Duration.ofMillis(1), Duration.ofMinutes(10));
    requireDuration("flushOnExitTimeout", flushOnExitTimeout, Duration.ZERO, Duration.ofMinutes(5));
    requireDuration("timeout", timeout, Duration.ofMillis(1), Duration.ofMinutes(10));
    requireRange("maxQueueSize", maxQueueSize, 1, 10_000_000, "");
    requireRange("maxQueueBytes", maxQueueBytes, 64 * 1024, 2L * 1024 * 1024 * 1024, " bytes");
    requireRange("errorCaptureRateLimit", errorsPerFingerprintPerMinute, 0, 10_000, "");
    requireRange("errorCaptureProcessCap", errorsPerProcess, 0, 1_000_000, "");
    requireDuration(
        "entitlementCacheTtl", entitlementCacheTtl, Duration.ZERO, Duration.ofHours(24));
    requireDuration(
        "entitlementStaleAfter", entitlementStaleAfter, Duration.ofSeconds(1), Duration.ofDays(30));
    requireRange("entitlementCacheMaxCustomers", entitlementCacheMaxCustomers, 1, 1_000_000, "");
    requireRange("breadcrumbsMaxSize", breadcrumbsMaxSize, 0, 1_000, "");
    require(clock != null, "clock must not be null");
    require(!missingIdentityAdvice.isEmpty(), "missingIdentityAdvice must not be blank");
    Duration requestTimeout = timeout;
    ClientConfig config =
        new ClientConfig(
            key,
            normalizeBaseUrl(baseUrl),
            eventFlushBatchSize,
            eventFlushInterval,
            flushOnExit,
            flushOnExitTimeout,
            timeout,
            blankToNull(serviceName),
            blankToNull(serviceVersion),
            blankToNull(appVersion),
            blankToNull(appId),
            maxQueueSize,
            maxQueueBytes,
            bootHeartbeat,
            transportFactory != null
                ? transportFactory
                : () -> DefaultTransport.create(requestTimeout),
            transportFactory != null ? transportName : "default",
            clock,
            random != null ? random : new SplittableRandom(),
            identityFallback,
            missingIdentityAdvice,
            List.copyOf(listeners),
            errorsPerFingerprintPerMinute,
            errorsPerProcess,
            inAppPackages,
            environmentVariables,
            beforeSend,
            errorBeforeSend,
            entitlementCacheTtl,
            entitlementStaleAfter,
            entitlementCacheMaxCustomers,
            entitlementStore,
            breadcrumbsMaxSize,
            breadcrumbsFromEvents,
            enabled ? outbox : null);
    return new CrossdeckServer(config, enabled);
  }

  // Each check builds its message only when it fails: a string concatenation's first use in a JVM
  // costs tens of milliseconds, which a valid build() must not pay.

  private static String normalizeBaseUrl(String url) {
    if (url == null || url.isBlank()) {
      throw invalid("baseUrl must be an http or https URL, got nothing");
    }
    String trimmed = url.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw notAnHttpUrl(trimmed);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw notAnHttpUrl(trimmed);
    }
    return trimmed;
  }

  private static CrossdeckException notAnHttpUrl(String url) {
    return invalid("baseUrl must be an http or https URL, got '" + url + "'");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw invalid(message);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
