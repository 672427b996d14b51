package com.crossdeck.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} handling (contract §d.9): within 24 hours, the same key with the same
 * request (method, path and body) replays the original response with {@code Idempotent-Replayed:
 * true} and applies nothing; the same key with a different request is 400 {@code
 * idempotency_key_in_use}. Only 2xx responses are remembered, so a request that failed (429, 400)
 * can be retried with its key. Used by every POST that changes state: events, grants, revokes,
 * purchase syncs.
 *
 * <p>Requests with the same key are serialized (lock striping), so two concurrent deliveries of one
 * batch can never both be applied.
 */
final class IdempotencyCache {

  static final Duration TTL = Duration.ofHours(24);
  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED_HEADER = "Idempotent-Replayed";

  /** Stripe's limit: keys are kept for a day, so their size is capped. */
  static final int MAX_KEY_LENGTH = 255;

  private static final int STRIPES = 64;

  private record Key(Scope scope, String idempotencyKey) {}

  private record Entry(byte[] bodyHash, ApiResponse response, Instant storedAt) {}

  private final Clock clock;
  private final Object[] stripes = new Object[STRIPES];
  // Insertion order is expiry order because every entry lives for the same TTL.
  private final Map<Key, Entry> entries = new LinkedHashMap<>();

  IdempotencyCache(Clock clock) {
    this.clock = clock;
    Arrays.setAll(stripes, i -> new Object());
  }

  /**
   * The request's {@code Idempotency-Key}: absent when missing or blank, 400 {@code
   * invalid_param_value} when longer than {@value #MAX_KEY_LENGTH} characters.
   */
  static Optional<String> keyOf(HttpCall call) {
    Optional<String> key = call.header(HEADER).filter(value -> !value.isBlank());
    if (key.isPresent() && TextLength.of(key.get()) > MAX_KEY_LENGTH) {
      throw new ApiException(
          ApiError.invalidRequest(
              "invalid_param_value",
              HEADER + " must be at most " + MAX_KEY_LENGTH + " characters.",
              HEADER,
              null));
    }
    return key;
  }

  /**
   * Runs {@code action} under the call's {@code Idempotency-Key}, if it has one: answers from the
   * cache, or runs it and remembers its response when it succeeded.
   */
  ApiResponse execute(Scope scope, HttpCall call, Supplier<ApiResponse> action) {
    Optional<String> key = keyOf(call);
    return key.isEmpty() ? action.get() : execute(scope, key.get(), fingerprint(call), action);
  }

  /** The request an idempotency key is bound to: method, path and body. */
  private static byte[] fingerprint(HttpCall call) {
    byte[] route = (call.method() + " " + call.path() + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = call.body();
    byte[] fingerprint = Arrays.copyOf(route, route.length + body.length);
    System.arraycopy(body, 0, fingerprint, route.length, body.length);
    return fingerprint;
  }

  private ApiResponse execute(
      Scope scope, String idempotencyKey, byte[] request, Supplier<ApiResponse> action) {
    Key key = new Key(scope, idempotencyKey);
    byte[] bodyHash = sha256(request);
    synchronized (stripes[Math.floorMod(key.hashCode(), STRIPES)]) {
      Entry cached = lookup(key);
      if (cached != null) {
        if (!MessageDigest.isEqual(cached.bodyHash(), bodyHash)) {
          throw new ApiException(
              ApiError.invalidRequest(
                  "idempotency_key_in_use",
                  "Idempotency-Key '"
                      + idempotencyKey
                      + "' was already used with a different request.",
                  null,
                  null));
        }
        return cached.response().withHeader(REPLAYED_HEADER, "true");
      }
      ApiResponse response = action.get();
      if (response.successful()) {
        store(key, new Entry(bodyHash, response, clock.instant()));
      }
      return response;
    }
  }

  synchronized void clear() {
    entries.clear();
  }

  private synchronized Entry lookup(Key key) {
    evictExpired();
    return entries.get(key);
  }

  private synchronized void store(Key key, Entry entry) {
    entries.put(key, entry);
  }

  private void evictExpired() {
    Instant oldestAlive = clock.instant().minus(TTL);
    Iterator<Entry> iterator = entries.values().iterator();
    while (iterator.hasNext() && !iterator.next().storedAt().isAfter(oldestAlive)) {
      iterator.remove();
    }
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
