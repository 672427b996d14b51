package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.AuditEntry;
import com.crossdeck.emulator.Entitlement;
import com.crossdeck.emulator.Environment;
import com.crossdeck.emulator.Faults;
import com.crossdeck.emulator.RecordedRequest;
import com.crossdeck.emulator.StoredEvent;
import com.crossdeck.emulator.internal.http.HttpServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running emulator: the HTTP server on 127.0.0.1, its handlers, and the state they share. {@code
 * CrossdeckEmulator} is the public face of this class.
 */
public final class EmulatorServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmulatorServer.class);

  private static final String HOST = "127.0.0.1";

  private final StoredCounter counter = new StoredCounter();
  private final Indexer indexer = new Indexer(new Store(counter));
  private final FaultPlan faults = new FaultPlan();
  private final RequestLog requests =
      new RequestLog(RequestLog.DEFAULT_MAX_REQUESTS, RequestLog.DEFAULT_MAX_BODY_BYTES);
  private final IdempotencyCache idempotency;
  private final RateLimiter rateLimiter;
  private final Clock clock;
  private final HttpServer server;

  private EmulatorServer(EmulatorConfig config, String testKey) {
    this.idempotency = new IdempotencyCache(config.clock());
    this.rateLimiter = new RateLimiter(config.rateLimit(), config.clock());
    this.clock = config.clock();
    KeyAuthenticator authenticator =
        new KeyAuthenticator(config.allowedKeys(), config.revokedKeys(), config.allowedOrigins());
    boolean testKeyAccepted =
        config.allowedKeys().isEmpty() || config.allowedKeys().contains(testKey);
    Routes routes =
        new Routes(
            new IngestHandler(authenticator, idempotency, rateLimiter, indexer),
            new AliasHandler(authenticator, indexer),
            new HeartbeatHandler(authenticator),
            new ConfigHandler(authenticator),
            new EntitlementHandler(authenticator, idempotency, indexer),
            new ForgetHandler(authenticator, indexer),
            new NoDataHandler(authenticator, idempotency, indexer),
            new CustomerReadHandler(indexer),
            new TimelinePage(
                indexer, new TimelineHtml(this::baseUrl, testKeyAccepted ? testKey : null)),
            new ControlHandler(faults, this::reset));
    Router router =
        new Router(
            routes.all(),
            faults,
            requests,
            config.clock(),
            new CorsPolicy(config.allowedOrigins()),
            new ControlGuard(this::port));
    try {
      this.server =
          HttpServer.start(
              new InetSocketAddress(HOST, config.port()),
              router,
              config.httpLimits(),
              EmulatorThreads.PREFIX);
    } catch (RuntimeException e) {
      indexer.close();
      throw e;
    }
  }

  /**
   * Binds and starts serving.
   *
   * @param testKey the ready-to-use key the timeline page advertises
   */
  public static EmulatorServer start(EmulatorConfig config, String testKey) {
    EmulatorServer emulator = new EmulatorServer(config, testKey);
    log.info("Crossdeck emulator listening on {}", emulator.baseUrl());
    return emulator;
  }

  public int port() {
    return server.port();
  }

  public String baseUrl() {
    return rootUrl() + "v1";
  }

  public String rootUrl() {
    return "http://" + HOST + ":" + port() + "/";
  }

  public List<StoredEvent> events() {
    return indexer.read(Store::events);
  }

  public List<StoredEvent> timeline(String anyIdentifier, Environment environment) {
    return indexer.read(
        store ->
            store
                .customer(Scope.of(environment), anyIdentifier, Integer.MAX_VALUE)
                .map(CustomerSnapshot::events)
                .orElse(List.of()));
  }

  public Optional<String> customerId(String anyIdentifier, Environment environment) {
    return indexer.read(
        store -> store.customer(Scope.of(environment), anyIdentifier, 0).map(CustomerSnapshot::id));
  }

  public List<Entitlement> entitlements(String anyIdentifier, Environment environment) {
    return indexer.read(
        store -> store.entitlements().entitlements(Scope.of(environment), anyIdentifier));
  }

  public Entitlement grant(String anyIdentifier, String entitlementKey, String duration) {
    Objects.requireNonNull(anyIdentifier, "anyIdentifier");
    Objects.requireNonNull(entitlementKey, "entitlementKey");
    GrantDuration parsed = GrantDuration.parse(Objects.requireNonNull(duration, "duration"));
    return changeInSandbox(
        (ledger, sandbox, now) ->
            ledger.grantToAny(sandbox, anyIdentifier, entitlementKey, parsed, now));
  }

  public Entitlement revoke(String anyIdentifier, String entitlementKey) {
    Objects.requireNonNull(anyIdentifier, "anyIdentifier");
    Objects.requireNonNull(entitlementKey, "entitlementKey");
    return changeInSandbox(
        (ledger, sandbox, now) ->
            ledger.revokeFromAny(sandbox, anyIdentifier, entitlementKey, now));
  }

  /** A grant or revoke made from Java, applied on the indexer thread like one made over HTTP. */
  private interface SandboxChange {
    EntitlementLedger.Mutation apply(EntitlementLedger ledger, Scope sandbox, Instant now);
  }

  private Entitlement changeInSandbox(SandboxChange change) {
    Instant now = clock.instant();
    return indexer
        .read(store -> change.apply(store.entitlements(), Scope.of(Environment.SANDBOX), now))
        .change()
        .entitlement();
  }

  public List<AuditEntry> auditEntries(Environment environment) {
    return indexer.read(store -> store.entitlements().audit(Scope.of(environment)));
  }

  public List<RecordedRequest> requests() {
    return requests.snapshot();
  }

  public List<StoredEvent> awaitEvents(int count, Duration timeout) {
    try {
      if (!counter.awaitStored(count, timeout)) {
        throw new AssertionError(
            "Expected at least "
                + count
                + " stored events within "
                + timeout
                + " but the emulator stored "
                + counter.stored()
                + " (duplicates ignored: "
                + counter.duplicates()
                + ", API requests seen: "
                + requests.snapshot().size()
                + ").");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for events", e);
    }
    return events();
  }

  public long storedEventCount() {
    return counter.stored();
  }

  public long duplicatesIgnored() {
    return counter.duplicates();
  }

  public Faults faults() {
    return faults;
  }

  public void reset() {
    indexer.read(
        store -> {
          store.clear();
          return null;
        });
    requests.clear();
    faults.clear();
    idempotency.clear();
    rateLimiter.reset();
  }

  @Override
  public void close() {
    int port = port();
    server.close();
    indexer.close();
    log.info("Crossdeck emulator on port {} stopped", port);
  }
}
