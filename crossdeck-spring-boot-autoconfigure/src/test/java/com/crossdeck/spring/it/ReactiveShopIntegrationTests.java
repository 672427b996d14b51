package com.crossdeck.spring.it;

import static com.crossdeck.spring.it.ReactiveShopApplication.PASSWORD;
import static com.crossdeck.spring.it.ReactiveShopApplication.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.StoredEvent;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The starter in a WebFlux application on Netty with reactive Spring Security, end to end: HTTP
 * requests in, events stored by the embedded emulator out.
 */
@SpringBootTest(
    classes = ReactiveShopApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.main.web-application-type=reactive",
      "server.address=127.0.0.1",
      // The boot heartbeat's sdk.boot event would join the events these tests judge one by one.
      "crossdeck.boot-heartbeat=false",
      "spring.reactor.context-propagation=auto"
    })
class ReactiveShopIntegrationTests {

  @Autowired CrossdeckEmulator emulator;

  @Autowired CrossdeckServer crossdeck;

  @LocalServerPort int port;

  StoreHttp http;

  @BeforeEach
  void setUp() {
    crossdeck.flush();
    emulator.reset();
    http = new StoreHttp(port);
  }

  @Test
  void attributesAnAnonymousRequestToTheAnonymousIdHeaderOnASchedulerThread() {
    HttpResponse<String> response =
        send(post("/events/pricing_viewed").header("X-Anon-Id", "anon_flux_header"));

    assertThat(response.body()).isEqualTo("queued");
    StoredEvent event = onlyStoredEvent();
    assertThat(event.identity()).isEqualTo(anonymous("anon_flux_header"));
    assertThat((String) event.properties().get("thread")).startsWith("parallel-");
  }

  @Test
  void attributesAnAnonymousRequestToTheWebSdksCookie() {
    send(post("/events/pricing_viewed").header("Cookie", "crossdeck%3Aanon_id=anon_flux_cookie"));

    assertThat(onlyStoredEvent().identity()).isEqualTo(anonymous("anon_flux_cookie"));
  }

  @Test
  void attributesASignedInRequestToTheUser() {
    send(signedIn(post("/events/dashboard_viewed").header("X-Anon-Id", "anon_someone")));

    assertThat(onlyStoredEvent().identity()).isEqualTo(user(USER));
  }

  @Test
  void ignoresAForgedAnonymousId() {
    HttpResponse<String> response =
        send(post("/events/pricing_viewed").header("X-Anon-Id", "not-an-sdk-id"));

    assertThat(response.body()).isEqualTo("missing_identity");
    assertThat(stored()).isEmpty();
  }

  @Test
  void tracksAMonoWhenItCompletesWithTheEmittedValueAndTheRequestIdentity() {
    Instant called = Instant.now();
    HttpResponse<String> response =
        send(signedIn(post("/payments/p_1?plan=pro").header("X-Anon-Id", "anon_payer")));

    assertThat(response.statusCode()).isEqualTo(200);
    StoredEvent event = onlyStoredEvent();
    assertThat(event.name()).isEqualTo("payment_succeeded");
    assertThat(event.eventId()).isEqualTo("payment_p_1");
    assertThat(event.identity()).isEqualTo(user(USER));
    assertThat(event.properties()).containsEntry("plan", "pro");
    long completedAt = ((Number) event.properties().get("completedAt")).longValue();
    assertThat(completedAt)
        .isGreaterThanOrEqualTo(called.plus(ReactiveShopApplication.WORK).toEpochMilli());
    assertThat(event.timestamp()).isGreaterThanOrEqualTo(completedAt);
  }

  @Test
  void tracksNothingWhenTheMonoFails() {
    HttpResponse<String> response =
        send(post("/payments/p_2?plan=pro&decline=true").header("X-Anon-Id", "anon_declined"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(stored()).isEmpty();
  }

  @Test
  void tracksAFluxWhenItCompletesWithItsLastValue() {
    send(get("/receipts").header("X-Anon-Id", "anon_reader"));

    StoredEvent event = onlyStoredEvent();
    assertThat(event.name()).isEqualTo("receipts_listed");
    assertThat(event.properties()).containsEntry("last", "r_3");
    assertThat(event.identity()).isEqualTo(anonymous("anon_reader"));
  }

  @Test
  void tracksACompletableFutureWhenItCompletesWithItsValue() {
    Instant called = Instant.now();
    send(signedIn(post("/exports/e_1")));

    // The future's other callbacks (WebFlux's, which writes the response) may run before the
    // one that tracks: the event is due on completion, not before the response.
    await().until(() -> !stored().isEmpty());
    StoredEvent event = onlyStoredEvent();
    assertThat(event.name()).isEqualTo("export_ready");
    assertThat(event.properties()).containsEntry("file", "export_e_1.csv");
    assertThat(event.identity()).isEqualTo(user(USER));
    assertThat(event.timestamp())
        .isGreaterThanOrEqualTo(called.plus(ReactiveShopApplication.WORK).toEpochMilli());
  }

  @Test
  void linksTheAnonymousIdOfTheFormLoginRequestToTheUser() {
    HttpResponse<String> login =
        send(
            request("POST", "/login")
                .header("X-Anon-Id", "anon_flux_signin")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=" + USER + "&password=" + PASSWORD)));

    assertThat(login.statusCode()).isEqualTo(302);
    await()
        .until(
            () ->
                emulator.customerId("anon_flux_signin").isPresent()
                    && emulator.customerId("anon_flux_signin").equals(emulator.customerId(USER)));
  }

  @Test
  void stopsUsingTheIdsOfASignedOutRequestAndExpiresTheWebSdksCookies() {
    HttpResponse<String> logout = send(post("/logout").header("X-Anon-Id", "anon_flux_leaving"));

    assertThat(logout.headers().allValues("Set-Cookie"))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("crossdeck%3Aanon_id=;"))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("crossdeck%3Acdcust_id=;"));
    HttpResponse<String> after =
        send(post("/events/pricing_viewed").header("X-Anon-Id", "anon_flux_leaving"));
    assertThat(after.body()).isEqualTo("missing_identity");
  }

  @Test
  void keepsEachConcurrentRequestsIdentity() {
    List<HttpResponse<String>> responses =
        IntStream.range(0, 8)
            .mapToObj(
                i ->
                    http.client()
                        .sendAsync(
                            post("/events/concurrent_" + i)
                                .header("X-Anon-Id", "anon_conc_" + i)
                                .build(),
                            HttpResponse.BodyHandlers.ofString()))
            .toList()
            .stream()
            .map(CompletableFuture::join)
            .toList();

    assertThat(responses).allSatisfy(response -> assertThat(response.body()).isEqualTo("queued"));
    assertThat(stored())
        .extracting(StoredEvent::name, event -> event.identity().value())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 8)
                .mapToObj(i -> tuple("concurrent_" + i, "anon_conc_" + i))
                .toList());
  }

  private HttpRequest.Builder request(String method, String path) {
    return http.request(method, path);
  }

  private HttpRequest.Builder post(String path) {
    return request("POST", path);
  }

  private HttpRequest.Builder get(String path) {
    return request("GET", path);
  }

  private static HttpRequest.Builder signedIn(HttpRequest.Builder request) {
    return StoreHttp.signedIn(request, USER, PASSWORD);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return http.send(request);
  }

  /** What the emulator stored once everything tracked so far was delivered. */
  private List<StoredEvent> stored() {
    crossdeck.flush();
    return emulator.events();
  }

  private StoredEvent onlyStoredEvent() {
    List<StoredEvent> events = stored();
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
