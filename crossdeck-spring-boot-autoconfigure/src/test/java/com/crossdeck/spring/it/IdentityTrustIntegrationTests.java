package com.crossdeck.spring.it;

import static com.crossdeck.spring.it.Browser.ANONYMOUS_ID_COOKIE;
import static com.crossdeck.spring.it.Browser.CUSTOMER_ID_COOKIE;
import static com.crossdeck.spring.it.StoreApplication.ADA;
import static com.crossdeck.spring.it.StoreApplication.GRACE;
import static com.crossdeck.spring.it.StoreApplication.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.RecordedRequest;
import com.crossdeck.emulator.StoredEvent;
import com.crossdeck.spring.WebSdkIds;
import com.crossdeck.spring.identity.AnonymousIdLinker;
import com.crossdeck.spring.identity.IdentityInputValidator;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Identity continuity tried as an attacker would, end to end: browsers with a login form and
 * scripts with HTTP Basic against the store, the emulator's customers as the judge. Header and
 * cookie values are whatever the sender chose; none of them may move an identity to another user.
 */
@SpringBootTest(
    classes = StoreApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // The boot heartbeat's sdk.boot event would join the events these tests judge one by one.
    properties = {"server.address=127.0.0.1", "crossdeck.boot-heartbeat=false"})
class IdentityTrustIntegrationTests {

  @Autowired CrossdeckEmulator emulator;

  @Autowired CrossdeckServer crossdeck;

  @Autowired AnonymousIdLinker linker;

  @Autowired IdentityInputValidator validator;

  @Autowired RequestIdentityReader reader;

  @LocalServerPort int port;

  StoreHttp http;

  @BeforeEach
  void setUp() {
    crossdeck.flush();
    emulator.reset();
    http = new StoreHttp(port);
  }

  // Linking happens in the request that signs in, and only there.

  @Test
  void aFormLoginLinksTheFreshAnonymousIdOnceAndBackAttributesItsEarlierEvents() {
    Browser visitor = browser().webSdkAnonymousId("anon_fresh_visitor");
    visitor.track("pricing_viewed");
    visitor.track("cart_viewed");

    assertThat(visitor.signIn(ADA, PASSWORD).statusCode()).isEqualTo(302);

    await().until(() -> aliasRequests().size() == 1);
    visitor.track("dashboard_viewed");
    visitor.track("settings_viewed");
    assertThat(timeline(ADA))
        .extracting(StoredEvent::name)
        .containsExactly("pricing_viewed", "cart_viewed", "dashboard_viewed", "settings_viewed");
    assertThat(emulator.customerId("anon_fresh_visitor")).isEqualTo(emulator.customerId(ADA));
    assertThat(aliasRequests()).hasSize(1);
  }

  @Test
  void httpBasicRequestsNeverLink() {
    Browser script = browser().webSdkAnonymousId("anon_basic_caller");

    script.send(StoreHttp.signedIn(http.request("POST", "/events/report_exported"), ADA, PASSWORD));
    script.send(StoreHttp.signedIn(http.request("POST", "/events/report_mailed"), ADA, PASSWORD));

    assertThat(timeline(ADA))
        .extracting(StoredEvent::name)
        .containsExactly("report_exported", "report_mailed");
    assertThat(aliasRequests()).isEmpty();
    assertThat(emulator.customerId("anon_basic_caller")).isEmpty();
  }

  // Never two users on one customer.

  @Test
  void anAnonymousIdSentBySomeoneElseNeverMergesTwoUsers() {
    Browser ada = browser().webSdkAnonymousId("anon_victim_77");
    ada.track("pricing_viewed");
    ada.signIn(ADA, PASSWORD);
    ada.track("dashboard_viewed");
    await().until(() -> linkedTo("anon_victim_77", ADA));
    Browser grace = browser().webSdkAnonymousId("anon_grace_own");
    grace.signIn(GRACE, PASSWORD);

    grace.send(
        http.request("POST", "/events/billing_viewed").header("X-Anon-Id", "anon_victim_77"));
    grace.send(
        http.request("POST", "/events/invoice_viewed").header("X-Anon-Id", "anon_victim_77"));

    assertThat(timeline(ADA))
        .extracting(StoredEvent::name)
        .containsExactly("pricing_viewed", "dashboard_viewed");
    assertThat(timeline(GRACE))
        .extracting(StoredEvent::name)
        .containsExactly("billing_viewed", "invoice_viewed");
    assertTwoCustomers(ADA, GRACE);
    assertThat(emulator.customerId("anon_victim_77")).isEqualTo(emulator.customerId(ADA));
  }

  @Test
  void aSharedBrowserKeepsBothUsersApart() {
    Browser shared = browser().webSdkAnonymousId("anon_shared_pc");
    shared.track("landing_viewed");
    shared.signIn(ADA, PASSWORD);
    shared.track("ada_dashboard_viewed");
    await().until(() -> linkedTo("anon_shared_pc", ADA));
    // Ada closes the browser without signing out; her session ends with it. Grace sits down next.
    shared.forgetSession();
    long conflicts = linker.conflictCount();

    shared.signIn(GRACE, PASSWORD);
    shared.track("grace_dashboard_viewed");

    assertThat(timeline(ADA))
        .extracting(StoredEvent::name)
        .containsExactly("landing_viewed", "ada_dashboard_viewed");
    assertThat(timeline(GRACE))
        .extracting(StoredEvent::name)
        .containsExactly("grace_dashboard_viewed");
    assertTwoCustomers(ADA, GRACE);
    assertThat(emulator.customerId("anon_shared_pc")).isEqualTo(emulator.customerId(ADA));
    assertThat(linker.conflictCount()).isEqualTo(conflicts + 1);
  }

  @Test
  void aPlantedCookieDoesNotMoveTheAttackersEventsOntoTheVictim() {
    Browser attacker = browser().webSdkAnonymousId("anon_attacker_9");
    attacker.track("attacker_probe");
    Browser victim = browser().webSdkAnonymousId("anon_victim_own");
    victim.signIn(ADA, PASSWORD);
    victim.track("home_viewed");
    await().until(() -> linkedTo("anon_victim_own", ADA));

    victim.webSdkAnonymousId("anon_attacker_9"); // planted while the victim is signed in
    victim.track("dashboard_viewed");
    victim.track("settings_viewed");
    attacker.track("attacker_later");

    assertThat(timeline(ADA))
        .extracting(StoredEvent::name)
        .containsExactly("home_viewed", "dashboard_viewed", "settings_viewed");
    assertThat(timeline("anon_attacker_9"))
        .extracting(StoredEvent::name)
        .containsExactly("attacker_probe", "attacker_later");
    assertThat(emulator.customerId("anon_attacker_9")).isNotEqualTo(emulator.customerId(ADA));
  }

  // Customer ids from cookies.

  @Test
  void aCustomerIdCookieThatIsNoCrossdeckIdIsIgnoredAndCounted() {
    long invalid = validator.rejectedCount();
    for (String forged : List.of("user_ada", "anon_looks_anonymous", "cdcust_a:b", "cdcust_")) {
      HttpResponse<String> response = browser().cookie(CUSTOMER_ID_COOKIE, forged).track("forged");

      assertThat(response.body()).as(forged).isEqualTo("missing_identity");
    }

    assertThat(sentIdentities()).isEmpty();
    assertThat(emulator.customerId("user_ada")).isEmpty();
    assertThat(validator.rejectedCount()).isEqualTo(invalid + 4);
  }

  @Test
  void aWellFormedCustomerIdCookieIsOnlyAHintForAnAnonymousRequestAndNeverJoinsAUser() {
    Browser browser = browser().cookie(CUSTOMER_ID_COOKIE, "cdcust_never0issued0here0");
    browser.track("anonymous_event");
    browser.signIn(ADA, PASSWORD);
    browser.track("signed_in_event");

    assertThat(sentIdentities())
        .containsExactly(
            Map.of("crossdeckCustomerId", "cdcust_never0issued0here0"),
            Map.of("developerUserId", ADA));
    assertThat(aliasRequests()).isEmpty();
    assertThat(timeline(ADA)).extracting(StoredEvent::name).containsExactly("signed_in_event");
  }

  // Sign-out.

  @Test
  void afterSigningOutTheBrowsersIdsNoLongerReachTheUser() {
    Browser browser = browser().webSdkAnonymousId("anon_before_logout");
    browser.track("pricing_viewed");
    browser.signIn(ADA, PASSWORD);
    browser.track("dashboard_viewed");
    await().until(() -> linkedTo("anon_before_logout", ADA));
    // What the web SDK stores once it knows the customer.
    browser.cookie(CUSTOMER_ID_COOKIE, emulator.customerId(ADA).orElseThrow());

    HttpResponse<String> signedOut = browser.signOut();

    assertThat(signedOut.headers().allValues("Set-Cookie"))
        .anySatisfy(expires(ANONYMOUS_ID_COOKIE))
        .anySatisfy(expires(CUSTOMER_ID_COOKIE));
    assertThat(browser.cookie(ANONYMOUS_ID_COOKIE)).isEmpty();
    assertThat(browser.cookie(CUSTOMER_ID_COOKIE)).isEmpty();
    // The page still holds both ids in local storage, and the web SDK writes them back.
    Browser nextVisitor =
        browser()
            .webSdkAnonymousId("anon_before_logout")
            .cookie(CUSTOMER_ID_COOKIE, emulator.customerId(ADA).orElseThrow());
    assertThat(nextVisitor.track("next_visitor_browsed").body()).isEqualTo("missing_identity");
    assertThat(timeline(ADA))
        .extracting(StoredEvent::name)
        .containsExactly("pricing_viewed", "dashboard_viewed");
  }

  // Several cookies of the same name.

  @Test
  void ofTwoAnonymousIdCookiesTheNewerIdWinsWhateverTheOrderAndTheAmbiguityIsCounted() {
    long ambiguous = reader.ambiguousCount();
    String older = WebSdkIds.minted(Instant.parse("2025-01-10T08:00:00Z"), "a1b2c3d4e5");
    String newer = WebSdkIds.minted(Instant.parse("2026-03-02T17:30:00Z"), "f6g7h8i9j0");

    sendWithCookies("older_first", older, newer);
    sendWithCookies("newer_first", newer, older);

    assertThat(sentIdentities())
        .containsExactly(Map.of("anonymousId", newer), Map.of("anonymousId", newer));
    assertThat(reader.ambiguousCount()).isEqualTo(ambiguous + 2);
  }

  private void sendWithCookies(String event, String first, String second) {
    http.send(
        http.request("POST", "/events/" + event)
            .header(
                "Cookie",
                ANONYMOUS_ID_COOKIE + "=" + first + "; " + ANONYMOUS_ID_COOKIE + "=" + second));
  }

  private static java.util.function.Consumer<String> expires(String cookie) {
    return header -> assertThat(header).startsWith(cookie + "=;").containsIgnoringCase("Max-Age=0");
  }

  private Browser browser() {
    return new Browser(http);
  }

  private boolean linkedTo(String anonymousId, String userId) {
    return emulator.customerId(anonymousId).isPresent()
        && emulator.customerId(anonymousId).equals(emulator.customerId(userId));
  }

  private void assertTwoCustomers(String userId, String otherUserId) {
    assertThat(emulator.customerId(userId)).isPresent();
    assertThat(emulator.customerId(otherUserId)).isPresent();
    assertThat(emulator.customerId(userId)).isNotEqualTo(emulator.customerId(otherUserId));
  }

  /** The customer's timeline once everything tracked so far was delivered. */
  private List<StoredEvent> timeline(String anyId) {
    crossdeck.flush();
    return emulator.timeline(anyId);
  }

  /** The identity of every event the application sent, in order, as it was on the wire. */
  private List<Map<String, String>> sentIdentities() {
    crossdeck.flush();
    return emulator.requests().stream()
        .filter(request -> request.path().equals("/v1/events"))
        .flatMap(
            request ->
                JsonPath.<List<Map<String, Object>>>read(request.bodyAsString(), "$.events[*]")
                    .stream())
        .map(IdentityTrustIntegrationTests::identityOf)
        .toList();
  }

  private static Map<String, String> identityOf(Map<String, Object> event) {
    for (IdentityHint.Type type : IdentityHint.Type.values()) {
      String field = type.fieldName();
      if (event.get(field) instanceof String value) {
        return Map.of(field, value);
      }
    }
    return Map.of();
  }

  private List<RecordedRequest> aliasRequests() {
    return emulator.requests().stream()
        .filter(request -> request.path().equals("/v1/identity/alias"))
        .toList();
  }
}
