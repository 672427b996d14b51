package com.crossdeck.client.internal.calls;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.Event;
import com.crossdeck.client.IngestOptions;
import com.crossdeck.client.IngestResponse;
import com.crossdeck.client.internal.ApiContract;
import com.crossdeck.client.internal.Lazy;
import com.crossdeck.client.internal.encoding.Envelope;
import com.crossdeck.client.internal.encoding.EventEncoder;
import com.crossdeck.client.internal.encoding.EventRules;
import com.crossdeck.client.internal.encoding.Ids;
import com.crossdeck.client.internal.encoding.JsonWriter;
import com.crossdeck.client.internal.encoding.RequestBudget;
import com.crossdeck.client.internal.http.ApiClient;
import com.crossdeck.client.internal.http.ApiOutcome;
import com.crossdeck.client.internal.http.DirectCall;
import com.crossdeck.client.internal.http.RetryPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code ingest()}: a synchronous import outside the queue, for backfills and replays.
 *
 * <p>Every event is checked before anything is sent, so a bad import fails whole and early, naming
 * the event's index and field. Events are sent in requests of at most 100 events and 1 MB, in
 * order, each under its own idempotency key: the caller's key for a one-request import, or the
 * caller's key plus the request's position, so re-running the same import replays instead of
 * duplicating. Rate limiting (429), timeouts and server errors are retried with the same key,
 * honouring {@code Retry-After}, until the import's deadline. Thread-safe.
 */
public final class BulkIngest {

  private final ApiClient api;
  private final EventEncoder encoder;
  private final Lazy<Envelope> envelope;
  private final CrossdeckClock clock;
  private final RetryPolicy retryPolicy;

  /**
   * @param api sends the requests
   * @param encoder encodes the events
   * @param environment the key's environment, for the envelope
   * @param appId the app id option, or {@code null}
   * @param clock the time source for timestamps, backoff and the deadline
   */
  public BulkIngest(
      ApiClient api, EventEncoder encoder, String environment, String appId, CrossdeckClock clock) {
    this.api = api;
    this.encoder = encoder;
    this.envelope = Lazy.of(() -> Envelope.forIngest(environment, appId));
    this.clock = clock;
    this.retryPolicy = RetryPolicy.DEFAULT;
  }

  /** Imports the events; see {@code CrossdeckServer.ingest}. */
  public IngestResponse ingest(List<Event> events, IngestOptions options) {
    if (events == null || events.isEmpty()) {
      throw new CrossdeckException(
          ErrorCodes.TYPE_INVALID_REQUEST,
          ErrorCodes.MISSING_EVENTS,
          "ingest needs at least one event.");
    }
    long deadline = clock.nanoTime() + options.deadline().toNanos();
    List<List<byte[]>> chunks = chunk(encodeAll(events, options.idempotencyKey()));
    long received = 0;
    String environment = null;
    for (int i = 0; i < chunks.size(); i++) {
      String key = keyFor(options.idempotencyKey(), i, chunks.size());
      JsonNode response;
      try {
        response = sendWithRetries(chunks.get(i), key, deadline);
      } catch (CrossdeckException e) {
        throw partialFailure(e, received, i, chunks.size());
      }
      received += response.path("received").asLong(chunks.get(i).size());
      environment = response.path("env").asText(environment);
    }
    return new IngestResponse(received, environment, chunks.size());
  }

  /**
   * With a pinned key, a re-run must send byte-identical requests or the server answers {@code
   * idempotency_key_in_use}: events without an id get one derived from the key and their position,
   * and events without a time are sent without one (the server stamps them) rather than with a time
   * that differs between runs.
   */
  private List<byte[]> encodeAll(List<Event> events, String pinnedKey) {
    boolean pinned = pinnedKey != null && !pinnedKey.isBlank();
    List<byte[]> encoded = new ArrayList<>(events.size());
    long now = clock.currentTimeMillis();
    EventEncoder.Encoding encoding = encoder.forCurrentThread();
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      EventRules.Checked checked;
      try {
        checked = EventRules.check(event, null, now, !pinned);
      } catch (EventRules.Violation violation) {
        throw CrossdeckException.builder(ErrorCodes.TYPE_INVALID_REQUEST, violation.code())
            .message("events[" + i + "]." + violation.param() + ": " + violation.getMessage())
            .param(violation.param())
            .index(i)
            .build();
      }
      String eventId =
          checked.eventId() != null ? checked.eventId() : Ids.derivedEventId(pinnedKey + '#' + i);
      Long timestamp = event.timestamp();
      if (timestamp == null && !pinned) {
        timestamp = now;
      }
      encoded.add(
          encoding.encodeForIngest(
              event, checked.identityKind(), checked.identity(), eventId, timestamp));
    }
    return encoded;
  }

  /** Splits the events into requests the API accepts, through the same budget as the sender. */
  private List<List<byte[]>> chunk(List<byte[]> events) {
    List<List<byte[]>> chunks = new ArrayList<>();
    List<byte[]> current = new ArrayList<>();
    RequestBudget budget = new RequestBudget(envelope.get(), ApiContract.MAX_EVENTS_PER_REQUEST);
    for (byte[] event : events) {
      if (!budget.fits(event)) {
        chunks.add(current);
        current = new ArrayList<>();
        budget.reset();
      }
      current.add(event);
      budget.add(event);
    }
    chunks.add(current);
    return chunks;
  }

  private String keyFor(String pinned, int index, int chunks) {
    if (pinned == null || pinned.isBlank()) {
      return Ids.batchKey(clock.currentTimeMillis(), ThreadLocalRandom.current());
    }
    return chunks == 1 ? pinned : pinned + "_" + (index + 1) + "of" + chunks;
  }

  private JsonNode sendWithRetries(List<byte[]> events, String key, long deadline) {
    JsonWriter scratch = new JsonWriter(64 * 1024);
    int failures = 0;
    long failingSince = clock.nanoTime();
    while (true) {
      ApiOutcome outcome =
          api.post(ApiContract.EVENTS_PATH, envelope.get().body(events, scratch), key);
      if (outcome instanceof ApiOutcome.Success success) {
        // The events were accepted; a body we cannot read changes nothing about that.
        return DirectCall.readJsonOrEmpty(success.response());
      } else if (outcome instanceof ApiOutcome.Rejected rejected) {
        throw rejected.error();
      } else if (outcome instanceof ApiOutcome.Unavailable unavailable) {
        throw unavailable.error();
      }
      CrossdeckException failure = ((ApiOutcome.Retryable) outcome).error();
      Duration wait =
          retryPolicy.delay(
              failures++,
              Duration.ofNanos(clock.nanoTime() - failingSince),
              failure.retryAfter().orElse(null),
              ThreadLocalRandom.current());
      long retryAt = clock.nanoTime() + wait.toNanos();
      if (retryAt > deadline) {
        throw failure;
      }
      while (clock.nanoTime() < retryAt) {
        clock.awaitUntil(retryAt);
      }
    }
  }

  private static CrossdeckException partialFailure(
      CrossdeckException cause, long received, int chunk, int chunks) {
    if (chunks == 1) {
      return cause;
    }
    return CrossdeckException.builder(cause.type(), cause.code())
        .message(
            cause.getMessage()
                + " (request "
                + (chunk + 1)
                + " of "
                + chunks
                + " failed after "
                + received
                + " events were accepted; re-running the import with the same idempotencyKey"
                + " is safe)")
        .status(cause.status())
        .requestId(cause.requestId().orElse(null))
        .retryAfter(cause.retryAfter().orElse(null))
        .param(cause.param().orElse(null))
        .index(cause.index().isPresent() ? cause.index().getAsInt() : null)
        .cause(cause)
        .build();
  }
}
