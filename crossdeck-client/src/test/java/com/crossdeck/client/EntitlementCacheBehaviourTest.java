package com.crossdeck.client;

import static com.crossdeck.client.EntitlementsTest.entitlement;
import static com.crossdeck.client.EntitlementsTest.list;
import static com.crossdeck.client.EntitlementsTest.mutation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The container-local cache's semantics through the public API: the TTL on the injected clock,
 * last-known-good through failures, grants and revocations applied at once, the durable store.
 */
class EntitlementCacheBehaviourTest extends MockServerTest {

  private static final IdentityHints USER = IdentityHints.forUser("user_847");

  @Test
  void warmAnswersFromTheCacheWithinTheTtlAndAsksAgainAfterIt() {
    dispatcher.then(list("cdcust_1", entitlement("pro", true, null)));
    dispatcher.then(list("cdcust_1"));
    CrossdeckServer client = client(options -> options.entitlementCacheTtl(Duration.ofSeconds(30)));
    CrossdeckEntitlements entitlements = client.entitlements();

    entitlements.warm(USER);
    clock.advance(Duration.ofSeconds(29));
    CustomerEntitlements cached = entitlements.warm(USER);
    assertThat(server.getRequestCount()).as("within the TTL").isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    CustomerEntitlements refreshed = entitlements.warm(USER);

    assertThat(server.getRequestCount()).as("at the TTL").isEqualTo(2);
    assertThat(cached.entitlements()).hasSize(1);
    assertThat(refreshed.entitlements()).isEmpty();
    assertThat(entitlements.isEntitled(USER, "pro")).isFalse();
    EntitlementCacheStats stats = entitlements.cacheStats();
    assertThat(stats.hits()).as("one warm and one isEntitled answered from the cache").isEqualTo(2);
    assertThat(stats.misses()).as("two warms had to ask").isEqualTo(2);
    assertThat(stats.ttl()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void anAnswerKeepsServingAfterItsTtlAndThroughAnOutageAsLastKnownGood() {
    dispatcher.then(list("cdcust_1", entitlement("pro", true, null)));
    for (int i = 0; i < 3; i++) {
      dispatcher.thenError(503, "internal_error", "internal_error");
    }
    CrossdeckServer client = client();
    CrossdeckEntitlements entitlements = client.entitlements();
    entitlements.get(USER);
    clock.advance(Duration.ofMinutes(5));

    assertThat(entitlements.isEntitled(USER, "pro")).as("past the TTL").isTrue();
    CustomerEntitlements served = whileTimePasses(() -> entitlements.warm(USER));

    assertThat(server.getRequestCount()).as("one try, three attempts").isEqualTo(4);
    assertThat(served.crossdeckCustomerId()).isEqualTo("cdcust_1");
    assertThat(served.entitlements()).extracting(Entitlement::key).containsExactly("pro");
    assertThat(entitlements.isEntitled(USER, "pro")).as("through the outage").isTrue();
    EntitlementCacheStats stats = entitlements.cacheStats();
    assertThat(stats.refreshFailures()).isEqualTo(1);
    assertThat(stats.staleCustomers()).isEqualTo(1);
    assertThat(stats.staleServes()).as("warm's fallback and the isEntitled after").isEqualTo(2);
  }

  @Test
  void anAnswerOlderThanStaleAfterIsStaleButStillServes() {
    dispatcher.then(list("cdcust_1", entitlement("pro", true, null)));
    CrossdeckServer client =
        client(options -> options.entitlementStaleAfter(Duration.ofMinutes(10)));
    client.entitlements().get(USER);

    clock.advance(Duration.ofMinutes(11));

    assertThat(client.entitlements().isEntitled(USER, "pro")).isTrue();
    assertThat(client.entitlements().cacheStats().staleCustomers()).isEqualTo(1);
    assertThat(client.entitlements().cacheStats().staleServes()).isEqualTo(1);
  }

  @Test
  void aRefusalIsThrownRatherThanAnsweredFromTheCache() {
    dispatcher.then(list("cdcust_1", entitlement("pro", true, null)));
    dispatcher.thenError(401, "authentication_error", "key_revoked");
    CrossdeckServer client = client();
    client.entitlements().get(USER);
    clock.advance(Duration.ofMinutes(2));

    CrossdeckException error =
        catchThrowableOfType(CrossdeckException.class, () -> client.entitlements().warm(USER));

    assertThat(error.code()).isEqualTo("key_revoked");
    assertThat(client.entitlements().isEntitled(USER, "pro"))
        .as("the cache itself is kept")
        .isTrue();
  }

  @Test
  void aGrantIsVisibleAtOnceAndMakesTheNextWarmAskEvenWithinTheTtl() {
    dispatcher.then(list("cdcust_1", entitlement("team", true, null)));
    dispatcher.then(mutation("grant", "cdcust_1", "pro", true));
    dispatcher.then(
        list("cdcust_1", entitlement("team", true, null), entitlement("pro", true, null)));
    CrossdeckServer client = client();
    CrossdeckEntitlements entitlements = client.entitlements();
    List<String> heard = new ArrayList<>();
    entitlements.onChange((customer, list) -> heard.add(customer + ":" + list.size()));
    entitlements.warm(USER);

    entitlements.grant(EntitlementGrant.lifetime("cdcust_1", "pro", "promo"));

    assertThat(entitlements.isEntitled(USER, "pro")).as("the grant, at once").isTrue();
    assertThat(entitlements.isEntitled(USER, "team")).as("the rest untouched").isTrue();
    entitlements.warm(USER);
    assertThat(server.getRequestCount()).as("the grant made the entry due").isEqualTo(3);
    assertThat(heard).containsExactly("cdcust_1:1", "cdcust_1:2", "cdcust_1:2");
  }

  @Test
  void aRevocationIsVisibleAtOnce() {
    dispatcher.then(list("cdcust_1", entitlement("pro", true, null)));
    dispatcher.then(mutation("revoke", "cdcust_1", "pro", false));
    CrossdeckServer client = client();
    client.entitlements().get(USER);

    client.entitlements().revoke(new EntitlementRevoke("cdcust_1", "pro", "refund"));

    assertThat(client.entitlements().isEntitled(USER, "pro")).isFalse();
    assertThat(client.entitlements().list(USER))
        .singleElement()
        .satisfies(pro -> assertThat(pro.active()).isFalse());
  }

  @Test
  void aGrantToAnUncachedCustomerCachesNothingPartial() {
    dispatcher.then(mutation("grant", "cdcust_9", "pro", true));
    CrossdeckServer client = client();

    client.entitlements().grant(EntitlementGrant.lifetime("cdcust_9", "pro", null));

    assertThat(client.entitlements().list("cdcust_9")).isEmpty();
    assertThat(client.entitlements().cacheStats().customers()).isZero();
  }

  @Test
  void bulkGrantsKeepInputOrderNeverStopEarlyAndRespectTheConcurrencyBound() {
    AtomicMax inFlight = new AtomicMax();
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
            inFlight.enter();
            try {
              Thread.sleep(50);
              String path = request.getUrl().encodedPath();
              String customer = path.split("/")[4];
              return customer.equals("cdcust_bad")
                  ? ScriptedDispatcher.error(
                      400, "invalid_request_error", "missing_entitlement", null, null)
                  : mutation("grant", customer, "pro", true);
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            } finally {
              inFlight.leave();
            }
          }
        });
    CrossdeckServer client = client();
    List<EntitlementGrant> grants = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      grants.add(EntitlementGrant.lifetime(i == 5 ? "cdcust_bad" : "cdcust_" + i, "pro", "promo"));
    }
    grants.add(EntitlementGrant.lifetime("", "pro", "promo"));

    List<BulkOutcome<EntitlementGrant>> outcomes = client.entitlements().grantAll(grants, 3);

    assertThat(outcomes).hasSize(13);
    assertThat(outcomes).extracting(BulkOutcome::input).containsExactlyElementsOf(grants);
    assertThat(outcomes.get(0).result().crossdeckCustomerId()).isEqualTo("cdcust_0");
    assertThat(outcomes.get(5).ok()).isFalse();
    assertThat(outcomes.get(5).error().code()).isEqualTo("missing_entitlement");
    assertThat(outcomes.get(12).error().code()).isEqualTo(ErrorCodes.MISSING_CUSTOMER_ID);
    assertThat(outcomes.stream().filter(BulkOutcome::ok)).hasSize(11);
    assertThat(server.getRequestCount()).isEqualTo(12);
    assertThat(inFlight.max()).isBetween(2, 3);
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class, () -> client.entitlements().grantAll(grants, 0)))
        .hasMessageContaining("maxConcurrency must be between 1 and 64, got 0");
  }

  @Test
  void aDurableStoreIsWrittenOnEveryReadAndAnswersWhenCrossdeckCannot() {
    MapStore store = new MapStore();
    dispatcher.then(list("cdcust_1", entitlement("pro", true, null)));
    CrossdeckServer warm = client(options -> options.entitlementStore(store));
    warm.entitlements().get(USER.withAnonymousId("anon_1"));

    assertThat(store.saved.keySet()).containsExactlyInAnyOrder("cdcust_1", "user_847", "anon_1");
    StoredEntitlements snapshot = store.saved.get("user_847");
    assertThat(snapshot.version()).isEqualTo(1);
    assertThat(snapshot.crossdeckCustomerId()).isEqualTo("cdcust_1");
    assertThat(snapshot.environment()).isEqualTo("sandbox");
    assertThat(snapshot.savedAt()).isEqualTo(Instant.ofEpochMilli(ManualClock.START_MILLIS));

    for (int i = 0; i < 3; i++) {
      dispatcher.thenError(503, "internal_error", "internal_error");
    }
    CrossdeckServer coldStart = client(options -> options.entitlementStore(store));
    CustomerEntitlements recovered = whileTimePasses(() -> coldStart.entitlements().get(USER));

    assertThat(recovered.crossdeckCustomerId()).isEqualTo("cdcust_1");
    assertThat(coldStart.entitlements().isEntitled(USER, "pro")).isTrue();
    assertThat(coldStart.entitlements().cacheStats().staleCustomers()).isEqualTo(1);
    assertThat(coldStart.entitlements().cacheStats().durableStore()).isTrue();
  }

  @Test
  void aThrowingStoreNeverBreaksACall() {
    EntitlementStore broken =
        new EntitlementStore() {
          @Override
          public Optional<StoredEntitlements> load(String key) {
            throw new IllegalStateException("redis down");
          }

          @Override
          public void save(String key, StoredEntitlements snapshot) {
            throw new IllegalStateException("redis down");
          }

          @Override
          public void delete(String key) {
            throw new IllegalStateException("redis down");
          }
        };
    dispatcher.then(list("cdcust_1", entitlement("pro", true, null)));
    CrossdeckServer client = client(options -> options.entitlementStore(broken));

    CustomerEntitlements answer = client.entitlements().get(USER);

    assertThat(answer.entitlements()).hasSize(1);
    assertThat(client.entitlements().cacheStats().storeErrors()).isEqualTo(2);
  }

  @Test
  void theCacheKeepsAtMostMaxCustomersForgettingTheLeastRecentlyWritten() {
    for (int i = 0; i < 3; i++) {
      dispatcher.then(list("cdcust_" + i, entitlement("pro", true, null)));
    }
    CrossdeckServer client = client(options -> options.entitlementCacheMaxCustomers(2));

    for (int i = 0; i < 3; i++) {
      client.entitlements().get(IdentityHints.forUser("user_" + i));
    }

    EntitlementCacheStats stats = client.entitlements().cacheStats();
    assertThat(stats.customers()).isEqualTo(2);
    assertThat(stats.aliases()).isEqualTo(2);
    assertThat(stats.evictions()).isEqualTo(1);
    assertThat(client.entitlements().isEntitled(IdentityHints.forUser("user_0"), "pro")).isFalse();
    assertThat(client.entitlements().isEntitled(IdentityHints.forUser("user_2"), "pro")).isTrue();
  }

  /** Counts concurrent requests. */
  private static final class AtomicMax {
    private int current;
    private int max;

    synchronized void enter() {
      current++;
      max = Math.max(max, current);
    }

    synchronized void leave() {
      current--;
    }

    synchronized int max() {
      return max;
    }
  }

  /** An in-memory store, as a Redis-backed one would behave. */
  static final class MapStore implements EntitlementStore {
    final Map<String, StoredEntitlements> saved = new ConcurrentHashMap<>();
    final List<String> deleted = new ArrayList<>();

    @Override
    public Optional<StoredEntitlements> load(String key) {
      return Optional.ofNullable(saved.get(key));
    }

    @Override
    public void save(String key, StoredEntitlements snapshot) {
      saved.put(key, snapshot);
    }

    @Override
    public synchronized void delete(String key) {
      deleted.add(key);
      saved.remove(key);
    }
  }
}
