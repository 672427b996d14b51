package com.crossdeck.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code POST /v1/events}, in the contract's order: authenticate, check the size, parse, validate
 * the envelope and every event, then (unless this is an idempotent replay) take rate-limit tokens
 * and hand the batch to the indexer. Answers 202 before the events are stored, like the hosted API.
 */
final class IngestHandler {

  private final KeyAuthenticator authenticator;
  private final IdempotencyCache idempotency;
  private final RateLimiter rateLimiter;
  private final Indexer indexer;

  IngestHandler(
      KeyAuthenticator authenticator,
      IdempotencyCache idempotency,
      RateLimiter rateLimiter,
      Indexer indexer) {
    this.authenticator = authenticator;
    this.idempotency = idempotency;
    this.rateLimiter = rateLimiter;
    this.indexer = indexer;
  }

  ApiResponse handle(HttpCall call) {
    Principal principal = authenticator.authenticate(call);
    List<IncomingEvent> events =
        BatchValidator.validate(
            Json.parse(call.body()), principal.environment(), call.receivedAt().toEpochMilli());
    String idempotencyKey = IdempotencyCache.keyOf(call).orElse(null);
    return idempotency.execute(
        principal.scope(), call, () -> accept(call, principal, events, idempotencyKey));
  }

  private ApiResponse accept(
      HttpCall call, Principal principal, List<IncomingEvent> events, String idempotencyKey) {
    rateLimiter.acquire(principal.scope().projectId(), events.size());
    indexer.write(
        store -> store.ingest(principal.scope(), events, idempotencyKey, call.receivedAt()));
    ObjectNode accepted = Json.object();
    accepted.put("object", "list");
    accepted.put("received", events.size());
    accepted.put("env", principal.environment().wireName());
    return ApiResponse.json(202, accepted);
  }
}
