package com.crossdeck.client;

import com.crossdeck.client.internal.ClientConfig;
import com.crossdeck.client.internal.encoding.Ids;
import com.crossdeck.client.internal.http.DisabledTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
  private final CrossdeckEntitlements entitlements;

  CrossdeckServer(ClientConfig config, boolean enabled) {
    this.enabled = enabled;
    this.core = new ClientCore(config);
    this.entitlements =
        new CrossdeckEntitlements(
            core.entitlementRoom, config.entitlementCacheTtl(), config.entitlementStore() != null);
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
   * <p>The {@linkplain CrossdeckServerBuilder#beforeSend before-send hook}, if any, sees the event
   * first and may change or drop it. The event's properties gain the {@linkplain #register
   * super-properties} (its own values win on a shared key) and {@code $groups}; the merged bag is
   * held to the 8 KB limit as a whole.
   *
   * @param event the event; with no identity hint, the builder's identity fallback is consulted
   * @return whether the event was queued, with its event id, or why it was rejected or dropped
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

  /**
   * Entitlements: cached checks ({@code isEntitled}), reads from Crossdeck, grants and revocations.
   */
  public CrossdeckEntitlements entitlements() {
    return entitlements;
  }

  /**
   * Erases a person from Crossdeck ({@code POST /v1/identity/forget}, for GDPR and CCPA requests):
   * their events, identifiers and entitlements. First the events already queued are delivered
   * (within the request timeout), so that none of the person's arrives after the erasure and starts
   * a new timeline; after Crossdeck answered, this client forgets them too (cached entitlements and
   * aliases, {@link EntitlementStore} keys, breadcrumbs) and tells the {@linkplain #onErasure
   * erasure listeners}. One attempt, never retried by the client.
   *
   * @return Crossdeck's answer; its customer id is {@code null} when the hints matched no one
   * @throws CrossdeckException {@code missing_identity} before any request when every hint is
   *     blank; the server's typed error; or a {@code network_error}
   */
  public ForgetResult forget(IdentityHints hints) {
    return core.erasure.get().forget(hints);
  }

  /**
   * Registers a listener told after each successful {@link #forget}, to erase what the rest of the
   * application remembers about the person.
   */
  public Subscription onErasure(ErasureListener listener) {
    return core.erasure.get().subscribe(listener);
  }

  /**
   * Adds super-properties: properties every event tracked from now on carries (extended contract
   * §5), such as the deployment region. An event's own property of the same name wins. A {@code
   * null} value removes its key. They are process-wide: per-request values belong in the event.
   * Values are converted to JSON here, once; super-properties and {@code $groups} may take at most
   * 4 KB together, so every event keeps at least 4 KB for its own properties.
   *
   * @return every super-property after the call
   * @throws CrossdeckException {@code serialization_failed} for a value that cannot be converted,
   *     {@code super_properties_too_large} past 4 KB; nothing is changed then
   */
  public Map<String, Object> register(Map<String, ?> properties) {
    return core.superProperties.register(properties);
  }

  /** Removes one super-property; nothing happens when it is absent. */
  public void unregister(String key) {
    core.superProperties.unregister(key);
  }

  /** The super-properties, in registration order; unmodifiable. */
  public Map<String, Object> superProperties() {
    return core.superProperties.current().superProperties();
  }

  /** Like {@link #group(String, String, Map)} without traits. */
  public void group(String type, String id) {
    group(type, id, Map.of());
  }

  /**
   * Puts this process in a group of {@code type} (for example {@code org}), so every event tracked
   * from now on carries {@code properties.$groups = {type: id, …}}, unless the event sets {@code
   * $groups} itself. A later call for the same type replaces the id; a {@code null} id leaves the
   * group. Traits are kept here only, never sent (as in the reference SDK).
   *
   * @throws CrossdeckException {@code missing_group_type} for a blank type
   */
  public void group(String type, String id, Map<String, ?> traits) {
    core.superProperties.group(type, id, traits);
  }

  /** The groups this process is in, by type; unmodifiable. */
  public Map<String, GroupMembership> groups() {
    return core.superProperties.current().groups();
  }

  /** Captures an error; see {@link #captureError(Throwable, ErrorContext)}. */
  public TrackResult captureError(Throwable error) {
    return captureError(error, ErrorContext.NONE);
  }

  /**
   * Sends an {@code error.handled} event through the normal queue, in the reference SDK's shape:
   * fingerprint, level, error type, message (at most 1024 characters), stack text, frames marked
   * in-app or not, tags (the process's and the context's), context (the process's blocks, the
   * causes under {@code __error_extras}, the context's own) and breadcrumbs. Limited to 5 per error
   * site per minute and 100 per client by default; then the {@linkplain
   * CrossdeckServerBuilder#errorBeforeSend error hook} may change or drop it. Without an identity
   * in the context it uses the identity fallback, then this process's anonymous id ({@code
   * anon_java_…}). Never throws.
   */
  public TrackResult captureError(Throwable error, ErrorContext context) {
    return enabled ? core.errors.get().capture(error, context) : discard(null);
  }

  /** What a disabled client answers: accepted, under the caller's event id or a fresh one. */
  private TrackResult discard(Event event) {
    String eventId = event == null ? null : event.eventId();
    return eventId == null || eventId.isBlank()
        ? TrackResult.queued(Ids.eventId(core.config.clock().currentTimeMillis()))
        : TrackResult.queued(eventId);
  }

  /** Captures a message at level {@code info}; see {@link #captureMessage(String, String)}. */
  public TrackResult captureMessage(String message) {
    return captureMessage(message, "info");
  }

  /**
   * Sends an {@code error.message} event: the message, its fingerprint (the reference SDK's, for
   * the same text), the level ({@code error}, {@code warning} or {@code info}), the process's tags,
   * context blocks and breadcrumbs; no stack. Limited and hooked like {@link #captureError}; its
   * identity is the identity fallback's, else this process's anonymous id. Never throws.
   */
  public TrackResult captureMessage(String message, String level) {
    return core.errors.get().captureMessage(message, level);
  }

  /** Sets a tag every captured error carries; a {@code null} value removes it. */
  public void setTag(String key, String value) {
    core.errorScope.setTag(key, value);
  }

  /** Merges tags into those every captured error carries (a {@code null} value removes one). */
  public void setTags(Map<String, String> tags) {
    core.errorScope.setTags(tags);
  }

  /**
   * Sets a named block of context every captured error carries under {@code context.<name>},
   * replacing the block of that name; {@code null} data removes it.
   */
  public void setContext(String name, Map<String, ?> data) {
    core.errorScope.setContext(name, data);
  }

  /**
   * Records a breadcrumb: the last {@code breadcrumbsMaxSize} (default 50) ride on every captured
   * error. Lock-free and cheap.
   */
  public void addBreadcrumb(Breadcrumb breadcrumb) {
    core.breadcrumbs.add(breadcrumb);
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
