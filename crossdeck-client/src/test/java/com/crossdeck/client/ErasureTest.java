package com.crossdeck.client;

import static com.crossdeck.client.EntitlementsTest.entitlement;
import static com.crossdeck.client.EntitlementsTest.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@code forget}: the request, the answer, and every local trace wiped. */
class ErasureTest extends MockServerTest {

  private static MockResponse forgot(String customerId) {
    return new MockResponse.Builder()
        .code(200)
        .body(
            "{\"object\":\"forgot\",\"crossdeckCustomerId\":"
                + (customerId == null ? "null" : "\"" + customerId + "\"")
                + ",\"queuedAt\":1767225600000,\"env\":\"sandbox\"}")
        .build();
  }

  @Test
  void postsTheNonBlankHintsOnceAndReadsTheAnswer() {
    dispatcher.then(forgot("cdcust_7f3a9c"));
    CrossdeckServer client = client();

    ForgetResult result = client.forget(new IdentityHints("cdcust_7f3a9c", "user_847", " "));

    RecordedRequest request = nextRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/identity/forget");
    assertThat(request.getBody().utf8())
        .isEqualTo("{\"customerId\":\"cdcust_7f3a9c\",\"userId\":\"user_847\"}");
    assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
    assertThat(result)
        .isEqualTo(
            new ForgetResult("cdcust_7f3a9c", Instant.ofEpochMilli(1767225600000L), "sandbox"));
  }

  @Test
  void refusesNoHintBeforeAnyRequestAndReadsANullCustomer() {
    dispatcher.then(forgot(null));
    CrossdeckServer client = client();

    CrossdeckException none =
        catchThrowableOfType(
            CrossdeckException.class, () -> client.forget(new IdentityHints(null, "", null)));
    ForgetResult unknown = client.forget(IdentityHints.forAnonymous("anon_never_seen"));

    assertThat(none.code()).isEqualTo(ErrorCodes.MISSING_IDENTITY);
    assertThat(unknown.crossdeckCustomerId()).isNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void deliversTheQueuedEventsBeforeErasingSoNoneArrivesAfter() {
    dispatcher.then(202);
    dispatcher.then(forgot("cdcust_1"));
    CrossdeckServer client = client();
    client.track(userEvent("last_words"));

    client.forget(IdentityHints.forUser("user_1"));

    assertThat(nextRequest().getUrl().encodedPath()).isEqualTo("/v1/events");
    assertThat(nextRequest().getUrl().encodedPath()).isEqualTo("/v1/identity/forget");
  }

  @Test
  void wipesTheCachedEntitlementsTheStoreKeysAndTheBreadcrumbsAndTellsTheListeners() {
    EntitlementCacheBehaviourTest.MapStore store = new EntitlementCacheBehaviourTest.MapStore();
    dispatcher.then(list("cdcust_1", entitlement("pro", true, null)));
    dispatcher.then(forgot("cdcust_1"));
    dispatcher.then(202);
    CrossdeckServer client =
        client(options -> options.entitlementStore(store).eventFlushBatchSize(100));
    IdentityHints user = IdentityHints.forUser("user_847").withAnonymousId("anon_1");
    client.entitlements().get(user);
    client.addBreadcrumb(Breadcrumb.of("custom", "user_847 opened settings"));
    List<String> erased = new ArrayList<>();
    client.onErasure(
        (hints, result) -> erased.add(hints.userId() + "→" + result.crossdeckCustomerId()));
    client.onErasure(
        (hints, result) -> {
          throw new IllegalStateException("listener bug");
        });

    client.forget(IdentityHints.forUser("user_847"));

    assertThat(client.entitlements().isEntitled(user, "pro")).isFalse();
    assertThat(client.entitlements().isEntitled("anon_1", "pro")).isFalse();
    assertThat(client.entitlements().cacheStats().customers()).isZero();
    assertThat(client.entitlements().cacheStats().aliases()).isZero();
    assertThat(store.deleted).containsExactlyInAnyOrder("cdcust_1", "user_847", "anon_1");
    assertThat(store.saved).as("the alias the cache knew went too").isEmpty();
    assertThat(erased).containsExactly("user_847→cdcust_1");
    client.captureMessage("after");
    client.flush(java.time.Duration.ofSeconds(5));
    nextRequest();
    nextRequest();
    assertThat(nextBatch().events().get(0).get("properties").get("breadcrumbs").size())
        .as("breadcrumbs may carry the person's data")
        .isZero();
  }
}
