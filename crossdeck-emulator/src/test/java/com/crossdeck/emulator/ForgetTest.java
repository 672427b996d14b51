package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.anonymousEvent;
import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static com.crossdeck.emulator.ErrorAssertions.assertInvalidRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /v1/identity/forget}: erasure of a customer (contract-extended §4). */
class ForgetTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().clock(new MutableClock(NOW)));

  private final ApiClient client = new ApiClient(emulator.timelineUrl());
  private String adasCustomer;

  /** Ada: anonymous browsing, a sign-in, a purchase, an entitlement. Grace: a page view. */
  @BeforeEach
  void twoCustomers() {
    client.postEvents(
        batch(
            anonymousEvent("page_view", "anon_ada").put("eventId", "evt_ada_1"),
            userEvent("page_view", "user_grace").put("eventId", "evt_grace_1")));
    client.alias("{\"userId\":\"user_ada\",\"anonymousId\":\"anon_ada\"}");
    client.postEvents(batch(userEvent("purchase", "user_ada").put("eventId", "evt_ada_2")));
    emulator.awaitEvents(3, Duration.ofSeconds(5));
    emulator.grant("user_ada", "pro", "P30D");
    adasCustomer = emulator.customerId("user_ada").orElseThrow();
  }

  private Reply forget(String body) {
    return client.postWithKey("/v1/identity/forget", body);
  }

  @Test
  void erasesTheCustomerAndAnswersWithItsIdAndTheTime() {
    Reply reply = forget("{\"userId\":\"user_ada\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().strip())
        .isEqualTo(
            "{\"object\":\"forgot\",\"crossdeckCustomerId\":\""
                + adasCustomer
                + "\",\"queuedAt\":"
                + NOW.toEpochMilli()
                + ",\"env\":\"sandbox\"}");
  }

  @Test
  void removesTheCustomersEventsIdentifiersEntitlementsAndAuditEntries() {
    forget("{\"customerId\":\"" + adasCustomer + "\"}");

    assertThat(emulator.events()).extracting(StoredEvent::eventId).containsExactly("evt_grace_1");
    assertThat(emulator.storedEventCount()).isEqualTo(1);
    assertThat(emulator.customerId("user_ada")).isEmpty();
    assertThat(emulator.customerId("anon_ada")).isEmpty();
    assertThat(emulator.customerId(adasCustomer)).isEmpty();
    assertThat(emulator.entitlements("user_ada")).isEmpty();
    assertThat(emulator.auditEntries()).isEmpty();
    assertThat(client.get("/v1/customers/user_ada").status()).isEqualTo(404);
    assertThat(client.get("/v1/customers/" + adasCustomer + "/timeline").status()).isEqualTo(404);
  }

  @Test
  void leavesOtherCustomersAlone() {
    forget("{\"userId\":\"user_ada\"}");

    assertThat(emulator.timeline("user_grace"))
        .extracting(StoredEvent::eventId)
        .containsExactly("evt_grace_1");
  }

  @Test
  void startsANewCustomerForAnEventAfterTheErasure() {
    forget("{\"userId\":\"user_ada\"}");

    client.postEvents(batch(userEvent("signed_in_again", "user_ada")));
    emulator.awaitEvents(2, Duration.ofSeconds(5));

    assertThat(emulator.customerId("user_ada")).isPresent().get().isNotEqualTo(adasCustomer);
    assertThat(emulator.timeline("user_ada"))
        .extracting(StoredEvent::name)
        .containsExactly("signed_in_again");
    assertThat(emulator.entitlements("user_ada")).isEmpty();
  }

  @Test
  void neverStoresAnErasedEventAgainWhenALateRetryResendsIt() {
    forget("{\"userId\":\"user_ada\"}");

    client.postEvents(batch(userEvent("purchase", "user_ada").put("eventId", "evt_ada_2")));
    client.postEvents(batch(userEvent("marker", "user_grace")));
    emulator.awaitEvents(2, Duration.ofSeconds(5));

    assertThat(emulator.events()).extracting(StoredEvent::eventId).doesNotContain("evt_ada_2");
    assertThat(emulator.duplicatesIgnored()).isEqualTo(1);
  }

  @Test
  void erasesByPrecedenceCustomerIdBeforeUserId() {
    String gracesCustomer = emulator.customerId("user_grace").orElseThrow();

    JsonNode reply =
        forget("{\"customerId\":\"" + gracesCustomer + "\",\"userId\":\"user_ada\"}").json();

    assertThat(reply.path("crossdeckCustomerId").asText()).isEqualTo(gracesCustomer);
    assertThat(emulator.customerId("user_ada")).contains(adasCustomer);
  }

  @Test
  void answersNullWhenNothingMatchesSoARepeatedErasureIsHarmless() {
    forget("{\"userId\":\"user_ada\"}");

    JsonNode again = forget("{\"userId\":\"user_ada\",\"anonymousId\":\"anon_ada\"}").json();

    assertThat(again.path("object").asText()).isEqualTo("forgot");
    assertThat(again.path("crossdeckCustomerId").isNull()).isTrue();
  }

  @Test
  void needsAnIdentity() {
    assertInvalidRequest(forget("{}"), "missing_identity", "customerId", null);
  }

  @Test
  void listsTheErasedCustomerOnTheTimelinePageWithoutItsIdentifiers() {
    forget("{\"userId\":\"user_ada\"}");

    String page = client.get("/").body();

    assertThat(page).contains("Erased customers").contains(adasCustomer).doesNotContain("anon_ada");
  }
}
