package com.crossdeck.client.internal.calls;

import com.crossdeck.client.ErasureListener;
import com.crossdeck.client.ForgetResult;
import com.crossdeck.client.IdentityHints;
import com.crossdeck.client.Subscription;
import com.crossdeck.client.internal.Require;
import com.crossdeck.client.internal.encoding.JsonBody;
import com.crossdeck.client.internal.encoding.JsonWriter;
import com.crossdeck.client.internal.http.ApiClient;
import com.crossdeck.client.internal.http.DirectCall;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /identity/forget} (extended contract §4): erases a person from Crossdeck, then from
 * this process.
 *
 * <p>Before the request, the events already queued are delivered (within the client's request
 * timeout), so that an event of the person tracked just before cannot arrive after the erasure and
 * start their timeline again. After Crossdeck answered, the client's own traces are wiped (the
 * reference SDK keeps them): the entitlement cache and store, the breadcrumbs; then the {@link
 * ErasureListener}s are told, for traces the client does not own. One attempt, no {@code
 * Idempotency-Key}. Thread-safe.
 */
public final class Erasure {

  private final ApiClient api;
  private final Runnable deliverQueued;
  private final List<BiConsumer<String, IdentityHints>> localTraces;
  private final List<ErasureListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param api sends the request
   * @param deliverQueued delivers what is queued, bounded in time
   * @param localTraces wipes one kind of local trace, given the erased customer id (or {@code
   *     null}) and the hints
   */
  public Erasure(
      ApiClient api, Runnable deliverQueued, List<BiConsumer<String, IdentityHints>> localTraces) {
    this.api = api;
    this.deliverQueued = deliverQueued;
    this.localTraces = List.copyOf(localTraces);
  }

  /** Registers a listener told after every successful erasure. */
  public Subscription subscribe(ErasureListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** See {@code CrossdeckServer.forget}. */
  public ForgetResult forget(IdentityHints hints) {
    Require.hints(hints, "forget");
    byte[] body = encode(hints);
    deliverQueued.run();
    JsonNode answer = DirectCall.jsonOf(api.post("/identity/forget", new JsonBody(body), null));
    ForgetResult result = parse(answer);
    for (BiConsumer<String, IdentityHints> wipe : localTraces) {
      wipe.accept(result.crossdeckCustomerId(), hints);
    }
    for (ErasureListener listener : listeners) {
      try {
        listener.onErased(hints, result);
      } catch (Throwable e) {
        LoggerFactory.getLogger(Erasure.class)
            .warn("A Crossdeck erasure listener threw; the erasure itself succeeded", e);
      }
    }
    return result;
  }

  /** {@code {customerId?, userId?, anonymousId?}}: each only when non-blank, in that order. */
  private static byte[] encode(IdentityHints hints) {
    JsonWriter out = new JsonWriter(128);
    out.raw((byte) '{');
    boolean first = out.optionalMember("customerId", hints.customerId(), true);
    first = out.optionalMember("userId", hints.userId(), first);
    out.optionalMember("anonymousId", hints.anonymousId(), first);
    out.raw((byte) '}');
    return out.toByteArray();
  }

  private static ForgetResult parse(JsonNode body) {
    JsonNode customer = body.get("crossdeckCustomerId");
    JsonNode queuedAt = body.get("queuedAt");
    JsonNode env = body.get("env");
    return new ForgetResult(
        customer != null && customer.isTextual() ? customer.asText() : null,
        queuedAt != null && queuedAt.isNumber() ? Instant.ofEpochMilli(queuedAt.asLong()) : null,
        env != null && env.isTextual() ? env.asText() : null);
  }
}
