package com.crossdeck.emulator;

import com.crossdeck.emulator.internal.AllowedOrigins;
import com.crossdeck.emulator.internal.EmulatorConfig;
import com.crossdeck.emulator.internal.EmulatorServer;
import com.crossdeck.emulator.internal.RateLimit;
import com.crossdeck.emulator.internal.http.HttpLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A local, contract-faithful Crossdeck API for development and tests.
 *
 * <pre>{@code
 * try (CrossdeckEmulator emulator = CrossdeckEmulator.builder().build().start()) {
 *   // point an SDK at emulator.baseUrl() with CrossdeckEmulator.TEST_SECRET_KEY
 *   List<StoredEvent> timeline = emulator.timeline("user_42");
 * }
 * }</pre>
 *
 * <p>It serves every call of the reference SDKs ({@code POST /v1/events}, {@code POST
 * /v1/identity/alias}, {@code GET /v1/sdk/heartbeat}, {@code GET /v1/config}, entitlements, manual
 * grants and revokes, audit entries, {@code POST /v1/identity/forget}, and "nothing known" answers
 * for resolve, trust and purchase sync) with the hosted API's authentication, validation,
 * idempotency, deduplication and rate limiting, to server SDKs and, through CORS and publishable
 * keys, to browsers on {@linkplain Builder#allowedOrigins allowed origins}; a read side ({@code GET
 * /v1/customers/{id}/timeline}, an HTML page at {@code /}); and {@link #faults() fault injection}.
 * It binds 127.0.0.1 only.
 *
 * <p>Thread-safe. Every thread it starts is a daemon. Add it to a project as a test or development
 * dependency only.
 */
public final class CrossdeckEmulator implements AutoCloseable {

  /** A ready-to-use sandbox secret key; every {@code cd_sk_test_…} key works unless restricted. */
  public static final String TEST_SECRET_KEY = "cd_sk_test_emulator_local";

  private final EmulatorConfig config;
  private volatile EmulatorServer server;

  private CrossdeckEmulator(EmulatorConfig config) {
    this.config = config;
  }

  /** A builder with the defaults: a free port, 1000 events/s with bursts of 2000, any key. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving.
   *
   * @return this emulator, running
   * @throws IllegalStateException if it was already started
   * @throws java.io.UncheckedIOException if the port cannot be bound
   */
  public synchronized CrossdeckEmulator start() {
    if (server != null) {
      throw new IllegalStateException("The emulator was already started");
    }
    server = EmulatorServer.start(config, TEST_SECRET_KEY);
    return this;
  }

  /** The port it listens on. */
  public int port() {
    return running().port();
  }

  /** The API base URL an SDK's {@code baseUrl} option takes: {@code http://127.0.0.1:<port>/v1}. */
  public String baseUrl() {
    return running().baseUrl();
  }

  /** The HTML timeline page: {@code http://127.0.0.1:<port>/}. */
  public String timelineUrl() {
    return running().rootUrl();
  }

  /** Every stored event (deduplicated, both environments) in storage order. */
  public List<StoredEvent> events() {
    return running().events();
  }

  /**
   * The sandbox timeline of the customer {@code anyIdentifier} resolves to (a {@code cdcust_…} id,
   * a user id or an anonymous id), oldest first by timestamp then storage order; empty if unknown.
   */
  public List<StoredEvent> timeline(String anyIdentifier) {
    return timeline(anyIdentifier, Environment.SANDBOX);
  }

  /** Like {@link #timeline(String)}, in the given environment. */
  public List<StoredEvent> timeline(String anyIdentifier, Environment environment) {
    return running().timeline(anyIdentifier, environment);
  }

  /** The sandbox {@code cdcust_…} id that {@code anyIdentifier} resolves to, if any. */
  public Optional<String> customerId(String anyIdentifier) {
    return customerId(anyIdentifier, Environment.SANDBOX);
  }

  /** Like {@link #customerId(String)}, in the given environment. */
  public Optional<String> customerId(String anyIdentifier, Environment environment) {
    return running().customerId(anyIdentifier, environment);
  }

  /**
   * The sandbox entitlements (active and inactive) of the customer {@code anyIdentifier} resolves
   * to; empty if unknown.
   */
  public List<Entitlement> entitlements(String anyIdentifier) {
    return entitlements(anyIdentifier, Environment.SANDBOX);
  }

  /** Like {@link #entitlements(String)}, in the given environment. */
  public List<Entitlement> entitlements(String anyIdentifier, Environment environment) {
    return running().entitlements(anyIdentifier, environment);
  }

  /**
   * Grants a sandbox entitlement the way {@code POST /v1/server/customers/{id}/grant} does, audit
   * entry included: to the customer {@code anyIdentifier} resolves to, or, when it is unknown, to a
   * new customer with {@code anyIdentifier} as its developer user id (so a test can grant before
   * the user ever signed in).
   *
   * @param duration {@code lifetime} or an ISO-8601 period such as {@code P30D}, {@code P1Y}
   * @return the entitlement as granted
   * @throws IllegalArgumentException if the duration is not one
   */
  public Entitlement grant(String anyIdentifier, String entitlementKey, String duration) {
    return running().grant(anyIdentifier, entitlementKey, duration);
  }

  /**
   * Revokes a sandbox entitlement as {@code POST /v1/server/customers/{id}/revoke} does (see {@link
   * #grant} for how {@code anyIdentifier} is resolved).
   *
   * @return the entitlement after the revoke (inactive)
   */
  public Entitlement revoke(String anyIdentifier, String entitlementKey) {
    return running().revoke(anyIdentifier, entitlementKey);
  }

  /** The sandbox audit entries of every grant and revoke, oldest first. */
  public List<AuditEntry> auditEntries() {
    return running().auditEntries(Environment.SANDBOX);
  }

  /**
   * The most recent API requests, oldest first: at most 10,000 and about 16 MB of bodies, so long
   * runs keep a fixed amount of memory.
   */
  public List<RecordedRequest> requests() {
    return running().requests();
  }

  /**
   * Waits until at least {@code count} events are stored (events are indexed shortly after their
   * batch was answered), then returns {@link #events()}.
   *
   * @throws AssertionError if fewer were stored within {@code timeout}; the message says how many
   */
  public List<StoredEvent> awaitEvents(int count, Duration timeout) {
    return running().awaitEvents(count, timeout);
  }

  /**
   * How many events are stored (both environments). Cheap, unlike {@code events().size()}: a
   * benchmark can poll it after storing millions of events.
   */
  public long storedEventCount() {
    return running().storedEventCount();
  }

  /** How many events were not stored because their {@code eventId} already was. */
  public long duplicatesIgnored() {
    return running().duplicatesIgnored();
  }

  /** Fault injection: failures, latency and dropped connections. */
  public Faults faults() {
    return running().faults();
  }

  /** Forgets all data, recorded requests, faults, idempotency keys and rate-limit state. */
  public void reset() {
    running().reset();
  }

  /** Stops serving and releases the port. Idempotent. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
    }
  }

  private EmulatorServer running() {
    EmulatorServer current = server;
    if (current == null) {
      throw new IllegalStateException("The emulator is not started; call start() first");
    }
    return current;
  }

  /** Configures an emulator. Not thread-safe; each {@link #build()} makes an independent one. */
  public static final class Builder {

    private int port;
    private RateLimit rateLimit = RateLimit.DEFAULT;
    private final Set<String> allowedKeys = new LinkedHashSet<>();
    private final Set<String> revokedKeys = new LinkedHashSet<>();
    private final Set<String> allowedOrigins = new LinkedHashSet<>();
    private Clock clock = Clock.systemUTC();
    private HttpLimits httpLimits = HttpLimits.DEFAULT;

    private Builder() {}

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0-65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The per-project ingest rate limit: {@code eventsPerSecond} sustained, bursts up to {@code
     * burst} events. Default 1000 and 2000.
     *
     * @param burst at least 100, the largest batch, so every valid batch can eventually pass
     */
    public Builder rateLimit(int eventsPerSecond, int burst) {
      if (eventsPerSecond < 1) {
        throw new IllegalArgumentException(
            "eventsPerSecond must be at least 1, was " + eventsPerSecond);
      }
      if (burst < 100) {
        throw new IllegalArgumentException(
            "burst must be at least 100 (the largest batch), was " + burst);
      }
      this.rateLimit = new RateLimit(eventsPerSecond, burst);
      return this;
    }

    /** Turns the rate limit off, e.g. for throughput benchmarks. */
    public Builder disableRateLimit() {
      this.rateLimit = RateLimit.OFF;
      return this;
    }

    /** Accepts only these keys (others get 401 {@code invalid_api_key}); by default any key is. */
    public Builder allowedKeys(String... keys) {
      allowedKeys.addAll(nonBlank("allowedKeys", keys));
      return this;
    }

    /** Rejects these keys with 401 {@code key_revoked}. */
    public Builder revokedKeys(String... keys) {
      revokedKeys.addAll(nonBlank("revokedKeys", keys));
      return this;
    }

    /**
     * Web origins ({@code scheme://host[:port]}, e.g. {@code http://localhost:8080}) the emulator
     * serves browsers on: their requests to {@code /v1} get CORS headers (preflights included), and
     * publishable ({@code cd_pub_…}) keys are accepted from them; from any other origin publishable
     * keys get 403 {@code origin_not_allowed}. None by default. Adds to the origins given before.
     *
     * @throws IllegalArgumentException naming a value that is not an origin
     */
    public Builder allowedOrigins(String... origins) {
      for (String origin : nonBlank("allowedOrigins", origins)) {
        allowedOrigins.add(AllowedOrigins.normalize(origin));
      }
      return this;
    }

    /**
     * The time source for receive times, idempotency expiry (24 h) and the rate limit; a fixed or
     * hand-advanced clock makes those deterministic in tests. Default: the system UTC clock.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a client may take to send one complete request, from its first byte (default 10 s).
     * A client that stalls longer gets 408 {@code request_timeout} and its connection is closed.
     * Stalled clients never hold a worker thread while they stall, so this bounds memory and
     * connections, not the service other clients get.
     */
    public Builder requestReadTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("requestReadTimeout must be positive, was " + timeout);
      }
      this.httpLimits = httpLimits.withRequestTimeout(timeout);
      return this;
    }

    /** An emulator with this configuration, not yet started. */
    public CrossdeckEmulator build() {
      return new CrossdeckEmulator(
          new EmulatorConfig(
              port,
              rateLimit,
              allowedKeys,
              revokedKeys,
              AllowedOrigins.of(allowedOrigins),
              clock,
              httpLimits));
    }

    private static List<String> nonBlank(String what, String... values) {
      List<String> list = Arrays.asList(Objects.requireNonNull(values, what));
      if (list.stream().anyMatch(value -> value == null || value.isBlank())) {
        throw new IllegalArgumentException(what + " must not contain null or blank values");
      }
      return list;
    }
  }
}
