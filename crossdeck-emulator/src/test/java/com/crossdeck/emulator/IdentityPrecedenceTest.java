package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.event;
import static com.crossdeck.emulator.ErrorAssertions.assertInvalidRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Events with several identity hints, as the web SDK sends them (every identity it knows on every
 * event): attributed by the precedence customer id (if the emulator issued it), then user id, then
 * anonymous id; the other hints are linked only where that can never move an identifier or put a
 * second user on a customer.
 */
class IdentityPrecedenceTest {

  private static final IdentityHint.Type CUSTOMER = IdentityHint.Type.CROSSDECK_CUSTOMER_ID;
  private static final IdentityHint.Type USER = IdentityHint.Type.DEVELOPER_USER_ID;
  private static final IdentityHint.Type ANONYMOUS = IdentityHint.Type.ANONYMOUS_ID;

  @RegisterExtension static CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  private String identify(String userId, String anonymousId) {
    return client
        .alias(Batches.json(Batches.object().put("userId", userId).put("anonymousId", anonymousId)))
        .json()
        .path("crossdeckCustomerId")
        .asText();
  }

  /** An event the way the web SDK builds it: anonymousId always, the others once known. */
  private static ObjectNode webEvent(String name, String customerId, String userId, String anonId) {
    ObjectNode event = event(name).put("anonymousId", anonId);
    if (userId != null) {
      event.put("developerUserId", userId);
    }
    if (customerId != null) {
      event.put("crossdeckCustomerId", customerId);
    }
    return event;
  }

  private StoredEvent storeOne(ObjectNode event) {
    int before = (int) emulator.storedEventCount();
    assertThat(client.postEvents(batch(event)).status()).isEqualTo(202);
    List<StoredEvent> events = emulator.awaitEvents(before + 1, Duration.ofSeconds(5));
    return events.get(events.size() - 1);
  }

  @Test
  void attributesAWebEventCarryingAllThreeHintsByItsIssuedCustomerId() {
    String customerId = identify("user_1", "anon_1");

    StoredEvent stored = storeOne(webEvent("page.viewed", customerId, "user_1", "anon_1"));

    assertThat(stored.customerId()).isEqualTo(customerId);
    assertThat(stored.identity()).isEqualTo(new IdentityHint(CUSTOMER, customerId));
    assertThat(stored.identities())
        .containsExactly(
            new IdentityHint(CUSTOMER, customerId),
            new IdentityHint(USER, "user_1"),
            new IdentityHint(ANONYMOUS, "anon_1"));
  }

  @Test
  void fallsBackToTheUserIdWhenTheCustomerIdWasNeverIssued() {
    String customerId = identify("user_1", "anon_1");

    StoredEvent stored = storeOne(webEvent("page.viewed", "cdcust_forged", "user_1", "anon_1"));

    assertThat(stored.customerId()).isEqualTo(customerId);
    assertThat(stored.identity()).isEqualTo(new IdentityHint(USER, "user_1"));
    assertThat(emulator.customerId("cdcust_forged")).isEmpty();
  }

  @Test
  void attributesByUserIdOverAnonymousIdAndLinksAFreshAnonymousIdToThatUser() {
    StoredEvent stored = storeOne(webEvent("page.viewed", null, "user_2", "anon_2"));

    assertThat(stored.identity()).isEqualTo(new IdentityHint(USER, "user_2"));
    assertThat(emulator.customerId("anon_2")).contains(stored.customerId());
    assertThat(emulator.timeline("anon_2"))
        .extracting(StoredEvent::name)
        .containsExactly("page.viewed");
  }

  @Test
  void neverMovesAnAnonymousIdThatAlreadyBelongsToAnotherCustomer() {
    String anonymousCustomer =
        storeOne(event("page.viewed").put("anonymousId", "anon_3")).customerId();

    StoredEvent signedIn = storeOne(webEvent("dashboard.viewed", null, "user_3", "anon_3"));

    assertThat(signedIn.customerId()).isNotEqualTo(anonymousCustomer);
    assertThat(emulator.customerId("anon_3")).contains(anonymousCustomer);
    assertThat(emulator.customerId("user_3")).contains(signedIn.customerId());
  }

  @Test
  void neverAddsASecondUserIdToACustomerThroughAnEvent() {
    String customerId = identify("user_a", "anon_a");

    StoredEvent stored = storeOne(webEvent("page.viewed", customerId, "user_b", "anon_a"));

    assertThat(stored.customerId()).isEqualTo(customerId);
    assertThat(emulator.customerId("user_b")).isEmpty();
    assertThat(client.get("/v1/customers/" + customerId).json().path("identifiers").toString())
        .contains("user_a")
        .doesNotContain("user_b");
  }

  @Test
  void showsEveryHintOfTheEventOnTheTimeline() {
    String customerId = identify("user_1", "anon_1");
    storeOne(webEvent("page.viewed", customerId, "user_1", "anon_1"));

    String timeline = client.get("/v1/customers/user_1/timeline").json().path("data").toString();

    assertThat(timeline)
        .contains("\"source\":{\"field\":\"crossdeckCustomerId\",\"value\":\"" + customerId + "\"}")
        .contains(
            "\"identities\":[{\"field\":\"crossdeckCustomerId\",\"value\":\""
                + customerId
                + "\"},{\"field\":\"developerUserId\",\"value\":\"user_1\"},"
                + "{\"field\":\"anonymousId\",\"value\":\"anon_1\"}]");
  }

  @Test
  void validatesEveryHintAnEventCarries() {
    assertInvalidRequest(
        client.postEvents(batch(webEvent("x", null, "", "anon_1"))),
        "invalid_param_value",
        "developerUserId",
        0);
  }
}
