package com.crossdeck.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of Crossdeck, bound from {@code crossdeck.*}.
 *
 * <p>Every option of {@link com.crossdeck.client.CrossdeckServerBuilder} has a property here with
 * the same meaning and default; the client checks the ranges when it is built and startup fails
 * with the property named. Only {@code crossdeck.secret-key} is required, and not even that when
 * {@code crossdeck-emulator} is on the classpath (events then go to an embedded local emulator) or
 * when {@code crossdeck.enabled=false}.
 */
@ConfigurationProperties(CrossdeckProperties.PREFIX)
public class CrossdeckProperties {

  /** The prefix of every Crossdeck property. */
  public static final String PREFIX = "crossdeck";

  /**
   * Whether Crossdeck is enabled. When disabled, the client bean accepts every call and sends
   * nothing, so code that tracks events keeps working.
   */
  private boolean enabled = true;

  /**
   * Secret key of the Crossdeck project: cd_sk_live_... for production, cd_sk_test_... for the
   * sandbox. Usually set through the CROSSDECK_SECRET_KEY environment variable. Unset, blank, or a
   * ${...} placeholder nothing resolved means no key: the embedded emulator when crossdeck-emulator
   * is on the classpath, otherwise a startup failure.
   */
  private String secretKey;

  /** API root events are sent to. */
  private String baseUrl = "https://api.cross-deck.com/v1";

  /**
   * Service name sent with each event. Defaults to spring.application.name, then to what the
   * hosting platform reports.
   */
  private String serviceName;

  /** Service version sent with each event. Defaults to what the hosting platform reports. */
  private String serviceVersion;

  /** Application version sent with each event. */
  private String appVersion;

  /** App id sent with each batch; informational, the server routes by key. */
  private String appId;

  /** Number of waiting events that triggers sending a batch, from 1 to 100. */
  private int eventFlushBatchSize = 20;

  /** Longest time an event waits before its batch is sent. */
  private Duration eventFlushInterval = Duration.ofMillis(1500);

  /** Longest time one HTTP request to Crossdeck may take, end to end. */
  private Duration timeout = Duration.ofSeconds(15);

  /** Most events held in memory while waiting to be sent; the oldest are dropped first. */
  private int maxQueueSize = 100_000;

  /** Most memory held by events waiting to be sent; the oldest are dropped first. */
  private DataSize maxQueueBytes = DataSize.ofMegabytes(64);

  /** Whether to check the secret key with the API in the background at startup. */
  private boolean bootHeartbeat = true;

  /**
   * Longest time to deliver queued events when the application shuts down; applies to the drain
   * after in-flight requests finish and again to the final drain when the client closes. Keep it
   * below spring.lifecycle.timeout-per-shutdown-phase.
   */
  private Duration shutdownTimeout = Duration.ofSeconds(10);

  /** Errors captured per error site per minute by captureError, from 0 to 10000. */
  private int errorCaptureRateLimit = 5;

  /** Errors captured by captureError in the life of the application, from 0 to 1000000. */
  private int errorCaptureProcessCap = 100;

  /**
   * Package prefixes of the application's own code, which mark captured stack frames as in-app.
   * Defaults to the package of the @SpringBootApplication class.
   */
  private List<String> inAppPackages = new ArrayList<>();

  private final Identity identity = new Identity();

  private final Web web = new Web();

  private final Tracking tracking = new Tracking();

  private final Health health = new Health();

  private final Emulator emulator = new Emulator();

  private final Entitlements entitlements = new Entitlements();

  private final Errors errors = new Errors();
  private final Outbox outbox = new Outbox();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getSecretKey() {
    return secretKey;
  }

  public void setSecretKey(String secretKey) {
    this.secretKey = secretKey;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getServiceName() {
    return serviceName;
  }

  public void setServiceName(String serviceName) {
    this.serviceName = serviceName;
  }

  public String getServiceVersion() {
    return serviceVersion;
  }

  public void setServiceVersion(String serviceVersion) {
    this.serviceVersion = serviceVersion;
  }

  public String getAppVersion() {
    return appVersion;
  }

  public void setAppVersion(String appVersion) {
    this.appVersion = appVersion;
  }

  public String getAppId() {
    return appId;
  }

  public void setAppId(String appId) {
    this.appId = appId;
  }

  public int getEventFlushBatchSize() {
    return eventFlushBatchSize;
  }

  public void setEventFlushBatchSize(int eventFlushBatchSize) {
    this.eventFlushBatchSize = eventFlushBatchSize;
  }

  public Duration getEventFlushInterval() {
    return eventFlushInterval;
  }

  public void setEventFlushInterval(Duration eventFlushInterval) {
    this.eventFlushInterval = eventFlushInterval;
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public int getMaxQueueSize() {
    return maxQueueSize;
  }

  public void setMaxQueueSize(int maxQueueSize) {
    this.maxQueueSize = maxQueueSize;
  }

  public DataSize getMaxQueueBytes() {
    return maxQueueBytes;
  }

  public void setMaxQueueBytes(DataSize maxQueueBytes) {
    this.maxQueueBytes = maxQueueBytes;
  }

  public boolean isBootHeartbeat() {
    return bootHeartbeat;
  }

  public void setBootHeartbeat(boolean bootHeartbeat) {
    this.bootHeartbeat = bootHeartbeat;
  }

  public Duration getShutdownTimeout() {
    return shutdownTimeout;
  }

  public void setShutdownTimeout(Duration shutdownTimeout) {
    this.shutdownTimeout = shutdownTimeout;
  }

  public int getErrorCaptureRateLimit() {
    return errorCaptureRateLimit;
  }

  public void setErrorCaptureRateLimit(int errorCaptureRateLimit) {
    this.errorCaptureRateLimit = errorCaptureRateLimit;
  }

  public int getErrorCaptureProcessCap() {
    return errorCaptureProcessCap;
  }

  public void setErrorCaptureProcessCap(int errorCaptureProcessCap) {
    this.errorCaptureProcessCap = errorCaptureProcessCap;
  }

  public List<String> getInAppPackages() {
    return inAppPackages;
  }

  public void setInAppPackages(List<String> inAppPackages) {
    this.inAppPackages = inAppPackages;
  }

  public Identity getIdentity() {
    return identity;
  }

  public Web getWeb() {
    return web;
  }

  public Tracking getTracking() {
    return tracking;
  }

  public Health getHealth() {
    return health;
  }

  public Emulator getEmulator() {
    return emulator;
  }

  public Entitlements getEntitlements() {
    return entitlements;
  }

  public Errors getErrors() {
    return errors;
  }

  public Outbox getOutbox() {
    return outbox;
  }

  /** How events are attributed to a customer when the code tracking them gives no identity. */
  public static class Identity {

    /** Request header carrying the web SDK's anonymous id. */
    private String anonymousIdHeader = "X-Anon-Id";

    /**
     * Cookie carrying the web SDK's anonymous id, read when the header is absent. Browsers send the
     * web SDK's cookie URL-encoded (crossdeck%3Aanon_id); both spellings are read and the value is
     * URL-decoded. Of several values the newest (by the time the web SDK encodes in the id) wins.
     */
    private String anonymousIdCookie = "crossdeck:anon_id";

    /**
     * Cookie carrying the Crossdeck customer id, used when a request has neither an authenticated
     * user nor an anonymous id. Read in plain and URL-encoded spelling like the anonymous id; only
     * values of the form cdcust_... are used.
     */
    private String customerIdCookie = "crossdeck:cdcust_id";

    /**
     * Regular expression a whole anonymous id from the header or cookie must match; other values
     * are ignored and counted. The default accepts the ids of Crossdeck's SDKs; change it only for
     * ids minted by your own code. Values longer than 256 characters are never matched.
     */
    private String anonymousIdPattern = "anon_[A-Za-z0-9_-]{1,64}";

    /**
     * Whether to link the anonymous id a sign-in request carries to the user who just signed in
     * interactively (login form, OAuth2/OIDC login, remember-me), so earlier anonymous events join
     * the user's timeline. Requests that are merely authenticated (HTTP Basic, bearer tokens, a
     * session) never link, and an anonymous id already linked to another user is never linked
     * again.
     */
    private boolean linkAnonymousOnLogin = true;

    /**
     * Whether tasks run by Spring Boot's auto-configured executors (@Async methods, async MVC
     * handlers) take the submitting request's identity with them, through a TaskDecorator bean.
     */
    private boolean propagateToTasks = true;

    public String getAnonymousIdHeader() {
      return anonymousIdHeader;
    }

    public void setAnonymousIdHeader(String anonymousIdHeader) {
      this.anonymousIdHeader = anonymousIdHeader;
    }

    public String getAnonymousIdCookie() {
      return anonymousIdCookie;
    }

    public void setAnonymousIdCookie(String anonymousIdCookie) {
      this.anonymousIdCookie = anonymousIdCookie;
    }

    public String getCustomerIdCookie() {
      return customerIdCookie;
    }

    public void setCustomerIdCookie(String customerIdCookie) {
      this.customerIdCookie = customerIdCookie;
    }

    public String getAnonymousIdPattern() {
      return anonymousIdPattern;
    }

    public void setAnonymousIdPattern(String anonymousIdPattern) {
      this.anonymousIdPattern = anonymousIdPattern;
    }

    public boolean isLinkAnonymousOnLogin() {
      return linkAnonymousOnLogin;
    }

    public void setLinkAnonymousOnLogin(boolean linkAnonymousOnLogin) {
      this.linkAnonymousOnLogin = linkAnonymousOnLogin;
    }

    public boolean isPropagateToTasks() {
      return propagateToTasks;
    }

    public void setPropagateToTasks(boolean propagateToTasks) {
      this.propagateToTasks = propagateToTasks;
    }
  }

  /** The web filters that read each request's identity. */
  public static class Web {

    /**
     * Whether web applications (servlet and WebFlux) read each request's identity with the identity
     * filter and expire the web SDK's cookies when a user signs out.
     */
    private boolean enabled = true;

    /**
     * Order of the servlet identity filter. The default runs after RequestContextFilter (-105) and
     * just before Spring Security (-100), so the login request itself already carries the anonymous
     * id.
     */
    private int filterOrder = -101;

    /**
     * Order of the WebFlux identity filter. The default runs just after Spring Security's
     * WebFilterChainProxy (-100), where the request's principal is known.
     */
    private int reactiveFilterOrder = -99;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public int getFilterOrder() {
      return filterOrder;
    }

    public void setFilterOrder(int filterOrder) {
      this.filterOrder = filterOrder;
    }

    public int getReactiveFilterOrder() {
      return reactiveFilterOrder;
    }

    public void setReactiveFilterOrder(int reactiveFilterOrder) {
      this.reactiveFilterOrder = reactiveFilterOrder;
    }
  }

  /** The @TrackEvent annotation. */
  public static class Tracking {

    /** Whether methods annotated with @TrackEvent send their event. */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The crossdeck health contributor. */
  public static class Health {

    /**
     * Whether the health status turns DOWN when Crossdeck stopped accepting events (SDK version
     * retired) or rejected the secret key. Off by default so that an analytics problem never fails
     * the application's health checks.
     */
    private boolean strict;

    public boolean isStrict() {
      return strict;
    }

    public void setStrict(boolean strict) {
      this.strict = strict;
    }
  }

  /** The embedded emulator used when no secret key is configured. */
  public static class Emulator {

    /**
     * Whether to start an embedded Crossdeck emulator and send events to it when crossdeck-emulator
     * is on the classpath and no secret key is set.
     */
    private boolean enabled = true;

    /**
     * Port of the embedded emulator on 127.0.0.1; 0 picks a free port. A fixed port keeps the
     * timeline page's address stable across restarts.
     */
    private int port;

    /**
     * Web origins (scheme://host[:port]) whose pages may call the embedded emulator from a browser,
     * e.g. with the web SDK: they get CORS headers and may use publishable cd_pub_ keys. The
     * defaults are this application's usual local addresses.
     */
    private List<String> allowedOrigins =
        new ArrayList<>(List.of("http://localhost:8080", "http://127.0.0.1:8080"));

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public int getPort() {
      return port;
    }

    public void setPort(int port) {
      this.port = port;
    }

    public List<String> getAllowedOrigins() {
      return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
      this.allowedOrigins = allowedOrigins;
    }
  }

  /** The container-local entitlement cache behind CrossdeckServer.entitlements(). */
  public static class Entitlements {

    /**
     * How long a customer's entitlement answer is used before warm() asks Crossdeck again; 0 to
     * 24h. Answers keep serving after it (last-known-good), through an outage too.
     */
    private Duration cacheTtl = Duration.ofSeconds(60);

    /**
     * Age after which a cached answer counts as stale in the health details and metrics; 1s to 30d.
     * Stale answers still serve.
     */
    private Duration staleAfter = Duration.ofHours(24);

    /**
     * Most customers kept in the cache (and as many user and anonymous id aliases); beyond it the
     * least recently written is forgotten. 1 to 1,000,000.
     */
    private int maxCustomers = 10_000;

    public Duration getCacheTtl() {
      return cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
      this.cacheTtl = cacheTtl;
    }

    public Duration getStaleAfter() {
      return staleAfter;
    }

    public void setStaleAfter(Duration staleAfter) {
      this.staleAfter = staleAfter;
    }

    public int getMaxCustomers() {
      return maxCustomers;
    }

    public void setMaxCustomers(int maxCustomers) {
      this.maxCustomers = maxCustomers;
    }
  }

  /** Captured errors and messages. */
  public static class Errors {

    /** Breadcrumbs kept for error reports, the oldest dropped first; 0 to 1,000. */
    private int breadcrumbsMaxSize = 50;

    /**
     * Whether every tracked event also leaves a breadcrumb. Breadcrumbs are process-wide, so on a
     * server one person's error report would carry other people's recent events; off by default.
     */
    private boolean breadcrumbsFromEvents;

    public int getBreadcrumbsMaxSize() {
      return breadcrumbsMaxSize;
    }

    public void setBreadcrumbsMaxSize(int breadcrumbsMaxSize) {
      this.breadcrumbsMaxSize = breadcrumbsMaxSize;
    }

    public boolean isBreadcrumbsFromEvents() {
      return breadcrumbsFromEvents;
    }

    public void setBreadcrumbsFromEvents(boolean breadcrumbsFromEvents) {
      this.breadcrumbsFromEvents = breadcrumbsFromEvents;
    }
  }

  /**
   * Durable delivery: a transactional outbox in the application's database keeps tracked events
   * instead of memory, so they survive kill -9 and pod loss, and an event tracked in a transaction
   * commits or rolls back with it.
   */
  public static class Outbox {

    /**
     * Whether tracked events are written to an outbox table in the application's DataSource and
     * delivered from there. Needs spring-jdbc, spring-tx and one DataSource bean; PostgreSQL and H2
     * are supported.
     */
    private boolean enabled;

    /**
     * Outbox table, optionally schema-qualified; rows the server refuses for good are moved to the
     * same name with _rejected.
     */
    private String table = "crossdeck_outbox";

    /**
     * Whether missing outbox tables are created at startup. Turn it off when migrations (Flyway,
     * Liquibase) own the schema; startup then fails with a clear message if a table is missing.
     */
    private boolean createTable = true;

    /** Most rows waiting in the table, across every instance; the oldest are dropped first. */
    private long maxRows = 1_000_000;

    /** Most bytes of waiting events; the oldest are dropped first. */
    private DataSize maxBytes = DataSize.ofGigabytes(1);

    /** Longest time an event may wait in the table before it is dropped as expired. */
    private Duration maxAge = Duration.ofDays(7);

    /**
     * How often an idle relay looks for rows other instances wrote or a previous run left; rows
     * this application writes wake it at once.
     */
    private Duration pollInterval = Duration.ofSeconds(1);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getTable() {
      return table;
    }

    public void setTable(String table) {
      this.table = table;
    }

    public boolean isCreateTable() {
      return createTable;
    }

    public void setCreateTable(boolean createTable) {
      this.createTable = createTable;
    }

    public long getMaxRows() {
      return maxRows;
    }

    public void setMaxRows(long maxRows) {
      this.maxRows = maxRows;
    }

    public DataSize getMaxBytes() {
      return maxBytes;
    }

    public void setMaxBytes(DataSize maxBytes) {
      this.maxBytes = maxBytes;
    }

    public Duration getMaxAge() {
      return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
      this.maxAge = maxAge;
    }

    public Duration getPollInterval() {
      return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
    }
  }
}
