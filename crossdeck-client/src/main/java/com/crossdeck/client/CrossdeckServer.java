package com.crossdeck.client;

import com.crossdeck.client.internal.ClientConfig;
import com.crossdeck.client.internal.encoding.Ids;
import com.crossdeck.client.internal.http.DisabledTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Crossdeck client for server-side events. Build one per process and share it; it is
 * thread-safe.
 *
 * <pre>{@code
 * CrossdeckServer crossdeck = CrossdeckServer.builder(System.getenv("CROSSDECK_SECRET_KEY")).build();
 *
 * crossdeck.track(Event.builder("subscription_renewed")
 *     .developerUserId(user.id())
 *     .eventId("renewal_" + subscription.id() + "_" + cycle)
 *     .property("plan", "pro")
 *     .build());
 * }</pre>
 *
 * <p>{@link #track(Event)} validates and serializes the event on the calling thread and puts it on
 * a bounded in-memory queue; it never blocks, never does I/O and never throws for bad data. One
 * daemon thread, {@code crossdeck-sender}, sends batches to {@code POST /v1/events}, each with its
 * own {@code Idempotency-Key} that is reused on every retry, so a batch whose response was lost is
 * stored once. Failures are retried with exponential backoff and full jitter, honouring {@code
 * Retry-After}. Every event dropped for any reason is counted ({@link #diagnostics()}), logged and
 * reported to {@linkplain #addListener listeners}: every accepted event is delivered or counted as
 * dropped, and a client that cannot deliver at all reports itself failed instead of accepting
 * events it would never send.
 *
 * <p>{@link CrossdeckServerBuilder#build()} returns in milliseconds: the HTTP transport, the JSON
 * mapper and host detection are created on the sender thread, while the first events queue.
 *
 * <p>The secret key never appears in logs, {@link #toString()}, exceptions or diagnostics.
 */
public final class CrossdeckServer implements AutoCloseable {

  private final ClientCore core;
  private final boolean enabled;

  CrossdeckServer(ClientConfig config, boolean enabled) {
    this.enabled = enabled;
    this.core = new ClientCore(config);
  }

  /**
   * A client that accepts every call and sends nothing, for applications where Crossdeck is
   * switched off (for example {@code crossdeck.enabled=false}). {@code track} and {@code
   * captureError} answer {@code queued} for every event, valid or not, and discard it: nothing is
   * checked, counted, logged or reported to listeners. {@code identify} succeeds with an empty
   * result.
   */
  public static CrossdeckServer disabled() {
    return builder("cd_sk_test_disabled")
        .baseUrl("http://crossdeck.disabled/v1")
        .transport(new DisabledTransport())
        .bootHeartbeat(false)
        .flushOnExit(false)
        .disabled()
        .build();
  }

  /**
   * Whether tracked events are kept in a transactional outbox in the application's database ({@link
   * CrossdeckServerBuilder#outbox}) rather than in memory; an event tracked inside a transaction
   * the outbox joins is then written in that transaction.
   */
  public boolean isDurable() {
    return core.isDurable();
  }

  /** Whether this client sends anything; false only for {@link #disabled()} clients. */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Starts configuring a client.
   *
   * @param secretKey a secret key ({@code cd_sk_live_…} for production, {@code cd_sk_test_…} for
   *     the sandbox); checked by {@link CrossdeckServerBuilder#build()}
   */
  public static CrossdeckServerBuilder builder(String secretKey) {
    return new CrossdeckServerBuilder(secretKey);
  }

  /**
   * Queues an event for delivery. Never blocks, never performs I/O and never throws for bad data:
   * an invalid event is refused with a {@link TrackResult} naming the field and the limit, and the
   * refusal is counted, logged once per reason and reported to listeners.
   *
   * @param event the event; with no identity hint, the builder's identity fallback is consulted
   * @return whether the event was queued, with its event id, or why it was rejected
   */
  public TrackResult track(Event event) {
    return enabled ? core.delivery.intake().track(event) : discard(event);
  }

  /**
   * Links a user id with the anonymous id the browser SDK minted for the same person, so events
   * from before and after signup or login land on one customer timeline. A direct call, not queued:
   * it returns once the server has the link.
   *
   * @param userId your application's stable user id (never an email address)
   * @param anonymousId the visitor's anonymous id ({@code anon_…})
   * @throws CrossdeckException {@code missing_user_id} or {@code missing_anonymous_id} before any
   *     request when an id is blank; the server's typed error; or a {@code network_error}
   */
  public AliasResult identify(String userId, String anonymousId) {
    return identify(userId, anonymousId, Traits.NONE);
  }

  /**
   * Like {@link #identify(String, String)}, also recording the person's email and traits. Trait
   * values follow the JSON conversion rules of event properties.
   */
  public AliasResult identify(String userId, String anonymousId, Traits traits) {
    return core.identities.get().link(new AliasRequest(userId, anonymousId, null, traits));
  }

  /**
   * Like {@link #identify(String, String)}, on a background thread. Blank ids fail the future
   * before any request.
   */
  public CompletableFuture<AliasResult> identifyAsync(String userId, String anonymousId) {
    return identifyAsync(userId, anonymousId, Traits.NONE);
  }

  /** Like {@link #identify(String, String, Traits)}, on a background thread. */
  public CompletableFuture<AliasResult> identifyAsync(
      String userId, String anonymousId, Traits traits) {
    return core.identities.get().linkAsync(new AliasRequest(userId, anonymousId, null, traits));
  }

  /**
   * Links identifiers of one person, including merging a Crossdeck customer id into a user's
   * customer (for example when two accounts turn out to be the same person).
   *
   * @throws CrossdeckException {@code missing_user_id}, or {@code missing_anonymous_id} when
   *     neither an anonymous id nor a customer id is given; the server's typed error; or a {@code
   *     network_error}
   */
  public AliasResult aliasIdentity(AliasRequest request) {
    return core.identities.get().link(request);
  }

  /** Like {@link #aliasIdentity(AliasRequest)}, on a background thread. */
  public CompletableFuture<AliasResult> aliasIdentityAsync(AliasRequest request) {
    return core.identities.get().linkAsync(request);
  }

  /**
   * Imports events synchronously, outside the queue; for backfills and replays. See {@link
   * #ingest(List, IngestOptions)}.
   */
  public IngestResponse ingest(List<Event> events) {
    return ingest(events, IngestOptions.DEFAULTS);
  }

  /**
   * Imports events synchronously, outside the queue. Every event is checked first: an invalid one
   * fails the call before anything is sent, with the error's {@link CrossdeckException#index()} and
   * {@link CrossdeckException#param()} naming it. Large imports are sent as several requests of at
   * most 100 events and 1 MB. Give {@link IngestOptions#idempotencyKey()} to make re-running the
   * same import safe. Rate limiting, timeouts and server errors are retried (same key, honouring
   * {@code Retry-After}) until the options' deadline.
   *
   * @throws CrossdeckException for invalid events, non-retryable server errors, or when the
   *     deadline passes; the message says how many events were already accepted
   */
  public IngestResponse ingest(List<Event> events, IngestOptions options) {
    return core.bulkIngest.get().ingest(events, options == null ? IngestOptions.DEFAULTS : options);
  }

  /** Captures an error; see {@link #captureError(Throwable, ErrorContext)}. */
  public TrackResult captureError(Throwable error) {
    return captureError(error, ErrorContext.NONE);
  }

  /**
   * Sends an {@code error.handled} event through the normal queue: fingerprint, error type, message
   * (at most 1024 characters), stack frames marked in-app or not, causes, tags and context. Limited
   * to 5 per error site per minute and 100 per client by default. Without an identity in the
   * context it uses the identity fallback, then this process's anonymous id ({@code anon_java_…}).
   * Never throws.
   */
  public TrackResult captureError(Throwable error, ErrorContext context) {
    return enabled ? core.errors.capture(error, context) : discard(null);
  }

  /** What a disabled client answers: accepted, under the caller's event id or a fresh one. */
  private TrackResult discard(Event event) {
    String eventId = event == null ? null : event.eventId();
    return eventId == null || eventId.isBlank()
        ? TrackResult.queued(Ids.eventId(core.config.clock().currentTimeMillis()))
        : TrackResult.queued(eventId);
  }

  /**
   * Delivers everything queued when the call started, waiting at most the request {@code timeout}
   * (default 15 s). Safe to call from many threads at once; a no-op when nothing is queued.
   */
  public FlushResult flush() {
    return flush(core.config.timeout());
  }

  /**
   * Delivers everything queued when the call started, or gives up after {@code timeout}. Events not
   * delivered by then stay queued and keep being retried. Call it before a serverless function
   * returns or before redirecting after tracking an email click. Answer "done" to someone only when
   * {@link FlushResult#allDelivered()}: {@link FlushResult#completed()} is also true when events
   * were dropped.
   *
   * @return whether everything was resolved, how many events were sent, dropped and still remain
   */
  public FlushResult flush(Duration timeout) {
    return core.delivery.flush(timeout);
  }

  /** Like {@link #flush()}, without waiting; the future completes when the flush does. */
  public CompletableFuture<FlushResult> flushAsync() {
    return core.delivery.flushAsync();
  }

  /**
   * Stops accepting events, delivers what is queued within {@code flushOnExitTimeout} (default 2
   * s), and stops the client's threads. Idempotent.
   */
  @Override
  public void close() {
    close(core.config.flushOnExitTimeout());
  }

  /**
   * Stops accepting events, delivers what is queued within {@code timeout}, and stops the client's
   * threads. Events still unsent at the deadline are dropped with reason {@link
   * DropReason#SHUTDOWN} (counted, logged, reported). Idempotent: later calls return the first
   * call's result.
   */
  public FlushResult close(Duration timeout) {
    return core.close(timeout);
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return core.delivery.isClosed();
  }

  /**
   * Checks the key with {@code GET /v1/sdk/heartbeat}, synchronously. Useful on a serverless cold
   * start to fail fast on a wrong key.
   *
   * @throws CrossdeckException with the server's error (for example {@code invalid_api_key}) or a
   *     {@code network_error}
   */
  public HeartbeatResult heartbeat() {
    return core.heartbeat.check();
  }

  /** A snapshot of queue, delivery counters and state; no I/O. */
  public Diagnostics diagnostics() {
    return core.diagnostics();
  }

  /** {@code production} for {@code cd_sk_live_} keys, otherwise {@code sandbox}. */
  public String environment() {
    return core.config.secretKey().environment();
  }

  /** Registers a listener for delivery events. */
  public void addListener(CrossdeckListener listener) {
    core.listeners.add(listener);
  }

  /** Unregisters a listener. */
  public void removeListener(CrossdeckListener listener) {
    core.listeners.remove(listener);
  }

  /** Describes the client; the key appears masked. */
  @Override
  public String toString() {
    return "CrossdeckServer{"
        + (enabled ? "" : "disabled, ")
        + "environment="
        + environment()
        + ", secretKey="
        + core.config.secretKey().masked()
        + ", baseUrl="
        + core.config.baseUrl()
        + '}';
  }
}
