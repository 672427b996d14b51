package com.crossdeck.sample;

import static com.crossdeck.sample.SampleHttp.as;
import static com.crossdeck.sample.SampleHttp.withAnonymousIdCookie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.RecordedRequest;
import com.crossdeck.emulator.StoredEvent;
import com.crossdeck.sample.email.SignedLinkToken;
import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample app end to end: booted on a random port with its embedded emulator on another, driven
 * over HTTP the way browsers, curl and Stripe drive it, judged by the customer timelines the
 * emulator stored.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "crossdeck.emulator.port=0",
      "crossdeck.boot-heartbeat=false",
      // The scheduler must not run the job behind the tests' backs; they trigger it themselves.
      "sample.renewals.interval=PT1H"
    })
class SampleAppEndToEndTests {

  static final String ADA = "user_ada";
  static final String GRACE = "user_grace";

  @Autowired CrossdeckEmulator emulator;
  @Autowired CrossdeckServer crossdeck;
  @Autowired SignedLinkToken linkTokens;

  @Value("${sample.stripe.webhook-secret}")
  String stripeSecret;

  @Value("${sample.email-links.secret}")
  String linkSecret;

  @LocalServerPort int port;

  SampleHttp http;

  @BeforeEach
  void startFromAnEmptyEmulator() {
    crossdeck.flush();
    emulator.reset();
    http = new SampleHttp(port);
  }

  // Stripe webhook

  @Test
  void stripePaymentSucceededBecomesPurchaseCompletedOnTheMetadataUsersTimeline() {
    String payload = StripeSigning.paymentSucceeded("evt_1PayAda", ADA, 4900);

    assertThat(sendStripe(payload, signed(payload)).statusCode()).isEqualTo(200);

    StoredEvent purchase = single(timeline(ADA));
    assertThat(purchase.name()).isEqualTo("purchase_completed");
    assertThat(purchase.eventId()).isEqualTo("stripe_evt_1PayAda");
    assertThat(purchase.identity()).isEqualTo(user(ADA));
    assertThat(purchase.properties())
        .containsEntry("amount", 4900)
        .containsEntry("currency", "eur")
        .containsEntry("payment_intent", "pi_3QxTest1PayAda");
  }

  @Test
  void stripeSubscriptionDeletedBecomesSubscriptionCancelled() {
    String payload = StripeSigning.subscriptionDeleted("evt_1CancelGrace", "sub_1Grace", GRACE);

    assertThat(sendStripe(payload, signed(payload)).statusCode()).isEqualTo(200);

    StoredEvent cancelled = single(timeline(GRACE));
    assertThat(cancelled.name()).isEqualTo("subscription_cancelled");
    assertThat(cancelled.eventId()).isEqualTo("stripe_evt_1CancelGrace");
    assertThat(cancelled.properties())
        .containsEntry("subscription", "sub_1Grace")
        .containsEntry("stripe_customer", "cus_RtTest42");
  }

  @Test
  void aReplayedStripeWebhookIsStoredOnce() {
    String payload = StripeSigning.paymentSucceeded("evt_1Replayed", ADA, 1200);

    assertThat(sendStripe(payload, signed(payload)).statusCode()).isEqualTo(200);
    // Stripe's retry: the same payload, signed again later.
    String retrySignature =
        StripeSigning.signature(payload, stripeSecret, Instant.now().getEpochSecond() + 1);
    assertThat(sendStripe(payload, retrySignature).statusCode()).isEqualTo(200);

    assertThat(timeline(ADA))
        .extracting(StoredEvent::eventId)
        .containsExactly("stripe_evt_1Replayed");
    assertThat(emulator.duplicatesIgnored()).isOne();
  }

  @Test
  void aStripeWebhookAsksForARetryWhenCrossdeckIsTooSlowAndTheRetryIsStoredOnce() {
    String payload = StripeSigning.paymentSucceeded("evt_1SlowApi", ADA, 700);
    emulator.faults().latency(Duration.ofSeconds(6)); // longer than the receiver's flush bound

    assertThat(sendStripe(payload, signed(payload)).statusCode()).isEqualTo(503);

    emulator.faults().clear();
    assertThat(sendStripe(payload, signed(payload)).statusCode()).isEqualTo(200);
    assertThat(timeline(ADA))
        .extracting(StoredEvent::eventId)
        .containsExactly("stripe_evt_1SlowApi");
  }

  @Test
  void aStripeWebhookWithABadSignatureIsRejectedAndTracksNothing() {
    String payload = StripeSigning.paymentSucceeded("evt_1Forged", ADA, 100_000);
    String forged = StripeSigning.signature(payload, "whsec_not_the_secret", now());

    assertThat(sendStripe(payload, forged).statusCode()).isEqualTo(400);
    assertThat(sendStripe(payload, null).statusCode()).isEqualTo(400);
    String tampered = payload.replace("100000", "1");
    assertThat(sendStripe(tampered, signed(payload)).statusCode()).isEqualTo(400);

    assertThat(stored()).isEmpty();
  }

  @Test
  void aStripeWebhookBodyOverOneMegabyteIsRefusedWith413BeforeItIsRead() {
    String oversized = "{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";

    assertThat(sendStripe(oversized, signed(oversized)).statusCode()).isEqualTo(413);
    assertThat(stored()).isEmpty();
  }

  @Test
  void aStripeWebhookWhoseEventCrossdeckDroppedAsksStripeToRetry() {
    String payload = StripeSigning.paymentSucceeded("evt_1KeyRevoked", ADA, 900);
    emulator.faults().failNext(1, 401); // the key is refused: the event is dropped, not delayed

    assertThat(sendStripe(payload, signed(payload)).statusCode()).isEqualTo(503);

    assertThat(sendStripe(payload, signed(payload)).statusCode()).isEqualTo(200);
    assertThat(timeline(ADA))
        .extracting(StoredEvent::eventId)
        .containsExactly("stripe_evt_1KeyRevoked");
  }

  @Test
  void aStripeWebhookWhoseEventCrossdeckRefusesIsAnswered422NotOk() {
    String tooLongUserId = "u".repeat(300);
    String payload = StripeSigning.paymentSucceeded("evt_1LongUser", tooLongUserId, 500);

    assertThat(sendStripe(payload, signed(payload)).statusCode()).isEqualTo(422);
    assertThat(stored()).isEmpty();
  }

  // Email click redirect

  @Test
  void aValidEmailLinkLinksTheBrowserThenTracksTheClickThenRedirects() {
    String link = emailLink(linkTokens, GRACE, "spring_newsletter", "/dashboard");

    HttpResponse<String> response = http.send(withAnonymousIdCookie("anon_mail1", http.get(link)));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValue("/dashboard");
    StoredEvent click = single(timeline(GRACE));
    assertThat(click.name()).isEqualTo("email_link_clicked");
    assertThat(click.identity()).isEqualTo(user(GRACE));
    assertThat(click.eventId()).startsWith("email_");
    assertThat(click.properties()).containsEntry("campaign", "spring_newsletter");
    assertThat(emulator.customerId("anon_mail1")).isEqualTo(emulator.customerId(GRACE));
    assertThat(apiRequests()).containsExactly("/v1/identity/alias", "/v1/events");
  }

  @Test
  void anEmailLinkClickedTwiceIsStoredOnce() {
    String link = emailLink(linkTokens, GRACE, "spring_newsletter", "/");

    http.send(http.get(link));
    http.send(http.get(link));

    assertThat(timeline(GRACE)).hasSize(1);
    assertThat(emulator.duplicatesIgnored()).isOne();
  }

  @Test
  void anEmailLinkLinksOnlyTheFirstBrowserThatOpensIt() {
    String link = emailLink(linkTokens, GRACE, "forwarded_newsletter", "/");

    http.send(withAnonymousIdCookie("anon_grace_laptop", http.get(link)));
    // The email was forwarded, or its link leaked: other browsers open the same token.
    http.send(withAnonymousIdCookie("anon_forwarded_to", http.get(link)));
    http.send(withAnonymousIdCookie("anon_leaked_link", http.get(link)));

    assertThat(apiRequests()).filteredOn("/v1/identity/alias"::equals).hasSize(1);
    assertThat(emulator.customerId("anon_grace_laptop")).isEqualTo(emulator.customerId(GRACE));
    assertThat(emulator.customerId("anon_forwarded_to")).isEmpty();
    assertThat(emulator.customerId("anon_leaked_link")).isEmpty();
    assertThat(timeline(GRACE)).extracting(StoredEvent::name).containsExactly("email_link_clicked");
  }

  @Test
  void anEmailLinkWithoutAnAnonymousIdTracksTheClickWithoutLinking() {
    http.send(http.get(emailLink(linkTokens, GRACE, "spring_newsletter", "/")));

    assertThat(timeline(GRACE)).extracting(StoredEvent::name).containsExactly("email_link_clicked");
    assertThat(apiRequests()).containsExactly("/v1/events");
  }

  @Test
  void aTamperedEmailLinkStillRedirectsButTracksNothing() {
    String link = emailLink(linkTokens, GRACE, "spring_newsletter", "/pricing");
    String otherCampaign = link.replace("c=spring_newsletter", "c=winter_sale");
    String otherUser = link.replace("u=", "u=x");

    for (String tampered : List.of(otherCampaign, otherUser)) {
      HttpResponse<String> response =
          http.send(withAnonymousIdCookie("anon_mail2", http.get(tampered)));
      assertThat(response.statusCode()).isEqualTo(302);
      assertThat(response.headers().firstValue("Location")).hasValue("/pricing");
    }

    assertThat(stored()).isEmpty();
    assertThat(apiRequests()).isEmpty();
  }

  @Test
  void anExpiredEmailLinkStillRedirectsButTracksNothing() {
    Clock lastMonth = Clock.fixed(Instant.now().minus(Duration.ofDays(30)), ZoneOffset.UTC);
    String link = emailLink(new SignedLinkToken(linkSecret, lastMonth), GRACE, "old_news", "/");

    HttpResponse<String> response = http.send(http.get(link));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(stored()).isEmpty();
  }

  @Test
  void anEmailLinkNeverRedirectsOffTheSite() {
    for (String dest : List.of("https://evil.example/", "//evil.example", "/\\evil.example")) {
      String link = emailLink(linkTokens, GRACE, "spring_newsletter", dest);

      HttpResponse<String> response = http.send(http.get(link));

      assertThat(response.headers().firstValue("Location")).as(dest).hasValue("/");
    }
  }

  // Scheduled renewals

  @Test
  void theRenewalJobTracksEachDueRenewalOnceAndOnlyForAdmins() {
    assertThat(http.send(as("grace", "hopper", http.post("/admin/renewals/run"))).statusCode())
        .isEqualTo(403);
    assertThat(stored()).isEmpty();

    HttpResponse<String> first = http.send(as("ada", "lovelace", http.post("/admin/renewals/run")));
    HttpResponse<String> second =
        http.send(as("ada", "lovelace", http.post("/admin/renewals/run")));

    assertThat(JsonPath.<List<String>>read(first.body(), "$.processed[*].eventId"))
        .containsExactly("renewal_sub_ada_pro_3", "renewal_sub_grace_starter_7");
    assertThat(JsonPath.<List<String>>read(second.body(), "$.processed")).isEmpty();
    StoredEvent renewal = single(timeline(GRACE));
    assertThat(renewal.name()).isEqualTo("subscription_renewal_processed");
    assertThat(renewal.eventId()).isEqualTo("renewal_sub_grace_starter_7");
    assertThat(renewal.identity()).isEqualTo(user(GRACE));
    assertThat(renewal.properties())
        .containsEntry("plan", "starter")
        .containsEntry("amount", 1900)
        .containsEntry("cycle", 7);
    assertThat(timeline(ADA))
        .extracting(StoredEvent::eventId)
        .containsExactly("renewal_sub_ada_pro_3");
    assertThat(timeline("user_linus")).as("not due until next week").isEmpty();
  }

  // Admin grant

  @Test
  void anAdminGrantLandsOnTheTargetUsersTimelineWithTheAdminAsActor() {
    HttpResponse<String> response =
        http.send(
            as(
                "ada",
                "lovelace",
                http.postJson(
                    "/admin/grants",
                    "{\"userId\":\"user_grace\",\"entitlement\":\"pro\",\"duration\":\"P30D\"}")));

    assertThat(response.statusCode()).isEqualTo(201);
    StoredEvent grant = single(timeline(GRACE));
    assertThat(grant.name()).isEqualTo("admin_grant_applied");
    assertThat(grant.identity()).isEqualTo(user(GRACE));
    assertThat(grant.eventId()).isEqualTo(JsonPath.read(response.body(), "$.id"));
    assertThat(grant.properties())
        .containsEntry("actor", ADA)
        .containsEntry("entitlement", "pro")
        .containsEntry("duration", "P30D");
    assertThat(timeline(ADA)).isEmpty();
  }

  @Test
  void theProReportsPageOpensWithAnAdminGrantAndClosesWithARevocation() {
    assertThat(http.send(as("grace", "hopper", http.get("/reports/pro"))).statusCode())
        .as("before the grant")
        .isEqualTo(403);

    HttpResponse<String> granted =
        http.send(
            as(
                "ada",
                "lovelace",
                http.postJson(
                    "/admin/grants",
                    "{\"userId\":\"user_grace\",\"entitlement\":\"pro\",\"duration\":\"P30D\"}")));
    assertThat(granted.statusCode()).isEqualTo(201);
    assertThat(emulator.entitlements(GRACE))
        .singleElement()
        .satisfies(pro -> assertThat(pro.active()).isTrue());
    HttpResponse<String> served = http.send(as("grace", "hopper", http.get("/reports/pro")));
    assertThat(served.statusCode()).as("after the grant").isEqualTo(200);
    assertThat(served.body()).contains("Revenue by cohort");

    HttpResponse<String> revoked =
        http.send(
            as(
                "ada",
                "lovelace",
                http.postJson(
                    "/admin/revocations", "{\"userId\":\"user_grace\",\"entitlement\":\"pro\"}")));
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(http.send(as("grace", "hopper", http.get("/reports/pro"))).statusCode())
        .as("after the revocation")
        .isEqualTo(403);
    assertThat(emulator.auditEntries()).hasSize(2);
    assertThat(timeline(GRACE))
        .extracting(StoredEvent::name)
        .containsExactly("admin_grant_applied", "admin_grant_revoked");
  }

  @Test
  void aGrantByANonAdminIsForbiddenAndTracksNothing() {
    HttpResponse<String> response =
        http.send(
            as(
                "grace",
                "hopper",
                http.postJson(
                    "/admin/grants",
                    "{\"userId\":\"user_grace\",\"entitlement\":\"pro\",\"duration\":\"P30D\"}")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(stored()).isEmpty();
  }

  // Dashboard

  @Test
  void renderingTheDashboardTracksDashboardRenderedWithThePlanForTheSignedInUser() {
    HttpResponse<String> response = http.send(as("grace", "hopper", http.get("/dashboard")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("starter");
    StoredEvent rendered = single(timeline(GRACE));
    assertThat(rendered.name()).isEqualTo("dashboard_rendered");
    assertThat(rendered.identity()).isEqualTo(user(GRACE));
    assertThat(rendered.properties()).containsEntry("plan", "starter");
  }

  @Test
  void theDashboardRequiresSigningIn() {
    assertThat(http.send(http.get("/dashboard")).statusCode()).isEqualTo(401);
    assertThat(stored()).isEmpty();
  }

  // Anonymous cart abandon

  @Test
  void anAbandonedCartLandsOnTheVisitorsAnonymousTimeline() {
    HttpResponse<String> response =
        http.send(
            http.postJson("/api/abandon-cart", "{\"cartValue\":129.00,\"items\":[\"pro-annual\"]}")
                .header("X-Anon-Id", "anon_cart1"));

    assertThat(response.statusCode()).isEqualTo(202);
    StoredEvent abandon = single(timeline("anon_cart1"));
    assertThat(abandon.name()).isEqualTo("server_abandon_detected");
    assertThat(abandon.identity()).isEqualTo(anonymous("anon_cart1"));
    assertThat(abandon.properties()).containsEntry("items", List.of("pro-annual"));
  }

  @Test
  void anAbandonedCartWithoutAValidAnonymousIdIsRejected() {
    HttpResponse<String> missing =
        http.send(http.postJson("/api/abandon-cart", "{\"cartValue\":5,\"items\":[]}"));
    HttpResponse<String> forged =
        http.send(
            http.postJson("/api/abandon-cart", "{\"cartValue\":5,\"items\":[]}")
                .header("X-Anon-Id", "anon_<script>"));

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<String>read(missing.body(), "$.error")).isEqualTo("missing_identity");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(stored()).isEmpty();
  }

  // Signup

  @Test
  void signupMovesTheVisitorsAnonymousHistoryOntoTheNewUsersTimeline() {
    String anonymousId = "anon_" + UUID.randomUUID().toString().replace("-", "");
    http.send(
        withAnonymousIdCookie(
            anonymousId, http.postJson("/api/page-viewed", "{\"path\":\"/pricing\"}")));
    http.send(
        withAnonymousIdCookie(
            anonymousId,
            http.postJson("/api/abandon-cart", "{\"cartValue\":49,\"items\":[\"pro-monthly\"]}")));

    HttpResponse<String> response =
        http.send(
            withAnonymousIdCookie(
                anonymousId,
                http.postJson(
                    "/signup",
                    "{\"username\":\"alan\",\"password\":\"turing\",\"email\":\"alan@example.com\"}")));

    assertThat(response.statusCode()).isEqualTo(201);
    String userId = JsonPath.read(response.body(), "$.userId");
    assertThat(userId).startsWith("user_").doesNotContain("alan");
    List<StoredEvent> timeline = timeline(userId);
    assertThat(timeline)
        .extracting(StoredEvent::name)
        .containsExactly("page_viewed", "server_abandon_detected", "signup_completed");
    assertThat(timeline)
        .extracting(StoredEvent::identity)
        .containsExactly(anonymous(anonymousId), anonymous(anonymousId), user(userId));
    assertThat(timeline)
        .extracting(StoredEvent::customerId)
        .containsOnly(timeline.get(0).customerId());
    assertThat(timeline(anonymousId)).isEqualTo(timeline);
  }

  @Test
  void theNewUserCanSignInAndTheirEventsJoinTheSameTimeline() {
    String anonymousId = "anon_" + UUID.randomUUID().toString().replace("-", "");
    HttpResponse<String> signup =
        http.send(
            withAnonymousIdCookie(
                anonymousId,
                http.postJson(
                    "/signup",
                    "{\"username\":\"barbara\",\"password\":\"liskov\",\"email\":\"b@example.com\"}")));
    String userId = JsonPath.read(signup.body(), "$.userId");

    http.send(as("barbara", "liskov", http.get("/dashboard")));

    assertThat(timeline(userId))
        .extracting(StoredEvent::name)
        .containsExactly("signup_completed", "dashboard_rendered");
    assertThat(timeline(userId).get(1).properties()).containsEntry("plan", "free");
  }

  // Signing in and out with the login form

  @Test
  void signingInWithTheLoginFormMovesTheVisitorsAnonymousHistoryOntoTheUser() {
    BrowserSession browser = new BrowserSession(http, "anon_before_sign_in");
    browser.send(http.postJson("/api/page-viewed", "{\"path\":\"/pricing\"}"));

    HttpResponse<String> signedIn = browser.signIn("ada", "lovelace");

    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith("/"));
    await().until(() -> linked("anon_before_sign_in", ADA));
    browser.send(http.get("/dashboard"));
    assertThat(timeline(ADA))
        .extracting(StoredEvent::name)
        .containsExactly("page_viewed", "dashboard_rendered");
    assertThat(apiRequests()).filteredOn("/v1/identity/alias"::equals).hasSize(1);
  }

  @Test
  void afterSigningOutTheNextVisitorsEventsNeverLandOnThePreviousUser() {
    BrowserSession browser = new BrowserSession(http, "anon_shared_kiosk");
    browser.signIn("ada", "lovelace");
    browser.send(http.get("/dashboard"));
    await().until(() -> linked("anon_shared_kiosk", ADA));

    HttpResponse<String> signedOut = browser.signOut();

    assertThat(signedOut.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith(BrowserSession.ANONYMOUS_ID_COOKIE + "=;")
                    .contains("Max-Age=0"));
    assertThat(browser.cookie(BrowserSession.ANONYMOUS_ID_COOKIE)).isEmpty();
    // The page kept the id in local storage; until the web SDK's reset() runs, it writes it back.
    HttpResponse<String> nextVisitor =
        http.send(
            withAnonymousIdCookie(
                "anon_shared_kiosk",
                http.postJson("/api/abandon-cart", "{\"cartValue\":5,\"items\":[]}")));
    assertThat(nextVisitor.statusCode()).isEqualTo(400);
    assertThat(timeline(ADA)).extracting(StoredEvent::name).containsExactly("dashboard_rendered");
  }

  @Test
  void signupWithATakenUsernameIsRefusedAndTracksNothing() {
    HttpResponse<String> response =
        http.send(
            http.postJson(
                    "/signup",
                    "{\"username\":\"ada\",\"password\":\"x\",\"email\":\"x@example.com\"}")
                .header("X-Anon-Id", "anon_taken1"));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(stored()).isEmpty();
  }

  // The demo page's helpers

  @Test
  void theDemoPageIsServedAndPointsAtTheEmulatorsTimeline() {
    assertThat(http.send(http.get("/")).body()).contains("crossdeck:anon_id");
    HttpResponse<String> info = http.send(http.get("/demo/info"));

    assertThat(JsonPath.<String>read(info.body(), "$.timelineUrl"))
        .isEqualTo(emulator.timelineUrl());
  }

  @Test
  void theDemoPageSignsInWithFetchSendingItsAnonymousIdInTheHeader() {
    BrowserSession page = new BrowserSession(http);
    HttpResponse<String> session = page.send(http.get("/session"));
    assertThat(JsonPath.<String>read(session.body(), "$.userId")).isNull();

    HttpResponse<String> signedIn =
        page.send(
            http.post("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                    JsonPath.read(session.body(), "$.csrfHeader"),
                    JsonPath.read(session.body(), "$.csrfToken"))
                .header("X-Anon-Id", "anon_demo_page")
                .POST(HttpRequest.BodyPublishers.ofString("username=grace&password=hopper")));

    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(JsonPath.<String>read(page.send(http.get("/session")).body(), "$.userId"))
        .isEqualTo(GRACE);
    await().until(() -> linked("anon_demo_page", GRACE));
  }

  @Test
  void theDemoPageNeverWritesACookieOfItsOwn() {
    assertThat(http.send(http.get("/app.js")).body())
        .contains("document.cookie")
        .doesNotContainPattern("document\\.cookie\\s*=");
  }

  @Test
  void theDemoStripeButtonSendsASignedEventThroughTheReceiverAndCanReplayIt() {
    HttpResponse<String> first =
        http.send(http.postJson("/demo/stripe-webhook", "{\"userId\":\"user_ada\"}"));
    String stripeEventId = JsonPath.read(first.body(), "$.stripeEventId");
    HttpResponse<String> replay =
        http.send(
            http.postJson(
                "/demo/stripe-webhook",
                "{\"userId\":\"user_ada\",\"eventId\":\"" + stripeEventId + "\"}"));

    assertThat(JsonPath.<Integer>read(first.body(), "$.webhookStatus")).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(replay.body(), "$.webhookStatus")).isEqualTo(200);
    assertThat(timeline(ADA))
        .extracting(StoredEvent::eventId)
        .containsExactly("stripe_" + stripeEventId);
  }

  @Test
  void theDemoEmailLinkIsASignedLinkTheRedirectAccepts() {
    HttpResponse<String> minted = http.send(http.get("/demo/email-link?userId=user_grace"));
    String link = JsonPath.read(minted.body(), "$.link");

    http.send(http.get(link));

    assertThat(timeline(GRACE)).extracting(StoredEvent::name).containsExactly("email_link_clicked");
  }

  // Helpers

  private HttpResponse<String> sendStripe(String payload, String signature) {
    HttpRequest.Builder request = http.postJson("/webhooks/stripe", payload);
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return http.send(request);
  }

  private String signed(String payload) {
    return StripeSigning.signature(payload, stripeSecret, now());
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private static String emailLink(
      SignedLinkToken tokens, String userId, String campaign, String dest) {
    return "/r?u="
        + tokens.mint(userId, campaign, Duration.ofDays(7))
        + "&c="
        + campaign
        + "&dest="
        + URLEncoder.encode(dest, StandardCharsets.UTF_8);
  }

  /** The customer's timeline once everything the app tracked so far was delivered. */
  private List<StoredEvent> timeline(String anyId) {
    crossdeck.flush();
    return emulator.timeline(anyId);
  }

  /** Every stored event once everything the app tracked so far was delivered. */
  private List<StoredEvent> stored() {
    crossdeck.flush();
    return emulator.events();
  }

  /** The paths of the Crossdeck API calls the app made, in order. */
  private List<String> apiRequests() {
    crossdeck.flush();
    return emulator.requests().stream().map(RecordedRequest::path).toList();
  }

  private boolean linked(String anonymousId, String userId) {
    return emulator.customerId(userId).isPresent()
        && emulator.customerId(anonymousId).equals(emulator.customerId(userId));
  }

  private static StoredEvent single(List<StoredEvent> events) {
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static IdentityHint user(String userId) {
    return new IdentityHint(IdentityHint.Type.DEVELOPER_USER_ID, userId);
  }

  private static IdentityHint anonymous(String anonymousId) {
    return new IdentityHint(IdentityHint.Type.ANONYMOUS_ID, anonymousId);
  }
}
