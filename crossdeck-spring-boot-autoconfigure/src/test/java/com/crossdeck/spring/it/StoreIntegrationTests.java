package com.crossdeck.spring.it;

import static com.crossdeck.spring.it.StoreApplication.PASSWORD;
import static com.crossdeck.spring.it.StoreApplication.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.StoredEvent;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The starter in a secured web application, end to end: HTTP requests in, events stored by the
 * embedded emulator out.
 */
@SpringBootTest(
    classes = StoreApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      // The boot heartbeat's sdk.boot event would join the events these tests judge one by one.
      "crossdeck.boot-heartbeat=false",
      "management.endpoints.web.exposure.include=health,metrics",
      "management.endpoint.health.show-details=always"
    })
class StoreIntegrationTests {

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
  void attributesAnAuthenticatedRequestToTheUser() {
    send(signedIn(post("/events/dashboard_viewed")));

    assertThat(onlyStoredEvent().identity()).isEqualTo(user(USER));
  }

  @Test
  void attributesAnAnonymousRequestToTheAnonymousIdHeader() {
    send(post("/events/pricing_viewed").header("X-Anon-Id", "anon_header7"));

    assertThat(onlyStoredEvent().identity()).isEqualTo(anonymous("anon_header7"));
  }

  @Test
  void attributesAnAnonymousRequestToTheWebSdksCookie() {
    send(post("/events/pricing_viewed").header("Cookie", "crossdeck%3Aanon_id=anon_cookie7"));

    assertThat(onlyStoredEvent().identity()).isEqualTo(anonymous("anon_cookie7"));
  }

  @Test
  void ignoresAForgedOverLongAnonymousIdHeader() {
    HttpResponse<String> response =
        send(post("/events/pricing_viewed").header("X-Anon-Id", "anon_" + "x".repeat(300)));

    assertThat(response.body()).isEqualTo("missing_identity");
    assertThat(stored()).isEmpty();
  }

  @Test
  void letsControllersReadTheResolvedIdentity() {
    HttpResponse<String> response = send(signedIn(get("/me").header("X-Anon-Id", "anon_me1")));

    assertThat(JsonPath.<String>read(response.body(), "$.userId")).isEqualTo(USER);
    assertThat(JsonPath.<String>read(response.body(), "$.anonymousId")).isEqualTo("anon_me1");
  }

  @Test
  void tracksTrackEventMethodsWithTheirExpressionsAndTheRequestIdentity() {
    send(signedIn(post("/orders/o_1?plan=pro")));

    StoredEvent event = onlyStoredEvent();
    assertThat(event.name()).isEqualTo("order_placed");
    assertThat(event.eventId()).isEqualTo("order_o_1");
    assertThat(event.identity()).isEqualTo(user(USER));
    assertThat(event.properties()).containsEntry("plan", "pro").containsEntry("total", 49);
  }

  @Test
  void tracksACommittedTransactionOnceAndARolledBackOneNotAtAll() {
    assertThat(send(signedIn(post("/payments/p_1"))).statusCode()).isEqualTo(200);
    assertThat(send(signedIn(post("/payments/p_2?decline=true"))).statusCode()).isEqualTo(500);

    assertThat(stored()).extracting(StoredEvent::eventId).containsExactly("payment_p_1");
  }

  @Test
  void attributesEventsTrackedInAsyncMethodsToTheRequestThatStartedThem() {
    HttpResponse<String> signedIn =
        send(signedIn(post("/receipts/o_7").header("X-Anon-Id", "anon_shopper7")));
    HttpResponse<String> anonymous =
        send(post("/receipts/o_8").header("X-Anon-Id", "anon_shopper8"));

    assertThat(signedIn.body()).isEqualTo("queued");
    assertThat(anonymous.body()).isEqualTo("queued");
    assertThat(stored())
        .extracting(StoredEvent::eventId, StoredEvent::identity)
        .containsExactlyInAnyOrder(
            tuple("receipt_o_7", user(USER)), tuple("receipt_o_8", anonymous("anon_shopper8")));
    assertThat(stored())
        .allSatisfy(
            event -> assertThat((String) event.properties().get("thread")).startsWith("task-"));
  }

  @Test
  void showsTheCrossdeckHealthComponentWithItsDetails() {
    HttpResponse<String> response = send(get("/actuator/health"));

    String body = response.body();
    assertThat(JsonPath.<String>read(body, "$.components.crossdeck.status")).isEqualTo("UP");
    assertThat(JsonPath.<String>read(body, "$.components.crossdeck.details.mode"))
        .isEqualTo("emulator");
    assertThat(JsonPath.<String>read(body, "$.components.crossdeck.details.timelineUrl"))
        .isEqualTo(emulator.timelineUrl());
    assertThat(JsonPath.<Integer>read(body, "$.components.crossdeck.details.queueSize")).isZero();
    assertThat(JsonPath.<Integer>read(body, "$.components.crossdeck.details.dropped.shutdown"))
        .isZero();
  }

  @Test
  void deliversOverOkHttpWhereItCanRunAndSaysSoInTheHealthDetails() {
    send(signedIn(post("/events/dashboard_viewed")));
    crossdeck.flush();

    String body = send(get("/actuator/health")).body();

    assertThat(JsonPath.<String>read(body, "$.components.crossdeck.details.transport"))
        .isEqualTo("okhttp");
    assertThat(stored()).extracting(StoredEvent::name).containsExactly("dashboard_viewed");
  }

  @Test
  void reportsSentEventsAsAMetric() {
    send(signedIn(post("/events/dashboard_viewed")));
    crossdeck.flush();

    HttpResponse<String> response = send(get("/actuator/metrics/crossdeck.events.sent"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<Double>read(response.body(), "$.measurements[0].value"))
        .isEqualTo((double) crossdeck.diagnostics().delivery().sent())
        .isPositive();
  }

  private HttpRequest.Builder post(String path) {
    return http.request("POST", path);
  }

  private HttpRequest.Builder get(String path) {
    return http.request("GET", path);
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
