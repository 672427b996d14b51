package com.crossdeck.boot3;

import static com.crossdeck.boot3.Boot3Shop.PASSWORD;
import static com.crossdeck.boot3.Boot3Shop.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.util.ClassUtils;

/**
 * The starter in a Spring Boot 3.5 application, end to end: requests in, events stored by the
 * embedded emulator out, and the actuator's view of it.
 */
// The boot heartbeat's sdk.boot event would join the events these tests judge one by one.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "crossdeck.boot-heartbeat=false")
class Boot3ShopTests {

  @Autowired CrossdeckEmulator emulator;

  @Autowired CrossdeckServer crossdeck;

  @LocalServerPort int port;

  ShopHttp http;

  @BeforeEach
  void setUp() {
    crossdeck.flush();
    emulator.reset();
    http = new ShopHttp(port);
  }

  @Test
  void runsWithoutReactorAsMostSpringMvcApplicationsDo() {
    assertThat(ClassUtils.isPresent("reactor.core.publisher.Mono", getClass().getClassLoader()))
        .isFalse();
  }

  @Test
  void attributesAnAnonymousRequestToTheAnonymousIdHeader() {
    http.send(http.post("/events/pricing_viewed").header("X-Anon-Id", "anon_boot3_visitor"));

    assertThat(onlyStoredEvent().identity())
        .isEqualTo(new IdentityHint(IdentityHint.Type.ANONYMOUS_ID, "anon_boot3_visitor"));
  }

  @Test
  void attributesAnAuthenticatedRequestToThePrincipal() {
    http.send(signedIn(http.post("/events/dashboard_viewed").header("X-Anon-Id", "anon_other")));

    assertThat(onlyStoredEvent().identity())
        .isEqualTo(new IdentityHint(IdentityHint.Type.DEVELOPER_USER_ID, USER));
  }

  @Test
  void tracksTrackEventMethodsWithTheirExpressionsAndTheRequestIdentity() {
    http.send(signedIn(http.post("/orders/o_1?plan=pro")));

    StoredEvent event = onlyStoredEvent();
    assertThat(event.name()).isEqualTo("order_placed");
    assertThat(event.eventId()).isEqualTo("order_o_1");
    assertThat(event.properties()).containsEntry("plan", "pro");
    assertThat(event.identity())
        .isEqualTo(new IdentityHint(IdentityHint.Type.DEVELOPER_USER_ID, USER));
  }

  @Test
  void linksTheAnonymousIdOfTheFormLoginRequestToTheUser() {
    HttpResponse<String> login =
        http.send(
            http.post("/login")
                .header("X-Anon-Id", "anon_boot3_signin")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=" + USER + "&password=" + PASSWORD)));

    assertThat(login.statusCode()).isEqualTo(302);
    await()
        .until(
            () ->
                emulator.customerId("anon_boot3_signin").isPresent()
                    && emulator.customerId("anon_boot3_signin").equals(emulator.customerId(USER)));
  }

  @Test
  void showsTheCrossdeckHealthComponentWithItsDetails() {
    String body = http.send(http.get("/actuator/health")).body();

    assertThat(JsonPath.<String>read(body, "$.components.crossdeck.status")).isEqualTo("UP");
    assertThat(JsonPath.<String>read(body, "$.components.crossdeck.details.mode"))
        .isEqualTo("emulator");
    assertThat(JsonPath.<String>read(body, "$.components.crossdeck.details.timelineUrl"))
        .isEqualTo(emulator.timelineUrl());
    assertThat(JsonPath.<Integer>read(body, "$.components.crossdeck.details.queueSize")).isZero();
    assertThat(JsonPath.<String>read(body, "$.components.crossdeck.details.environment"))
        .isEqualTo("sandbox");
  }

  @Test
  void deliversOverTheJdkHttpClientSinceBoot35PinsAKotlinOkHttpCannotRunOn() {
    http.send(http.post("/events/pricing_viewed").header("X-Anon-Id", "anon_transport"));
    crossdeck.flush();

    String body = http.send(http.get("/actuator/health")).body();

    assertThat(JsonPath.<String>read(body, "$.components.crossdeck.details.transport"))
        .isEqualTo("jdk-httpclient");
    assertThat(JsonPath.<Boolean>read(body, "$.components.crossdeck.details.failed")).isFalse();
    assertThat(crossdeck.diagnostics().transport()).isEqualTo("jdk-httpclient");
    assertThat(emulator.events()).extracting(StoredEvent::name).containsExactly("pricing_viewed");
  }

  @Test
  void reportsSentEventsAsAMetric() {
    http.send(signedIn(http.post("/events/dashboard_viewed")));
    crossdeck.flush();

    HttpResponse<String> response = http.send(http.get("/actuator/metrics/crossdeck.events.sent"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<Double>read(response.body(), "$.measurements[0].value"))
        .isEqualTo((double) crossdeck.diagnostics().delivery().sent())
        .isPositive();
  }

  private static HttpRequest.Builder signedIn(HttpRequest.Builder request) {
    return ShopHttp.signedIn(request, USER, PASSWORD);
  }

  private StoredEvent onlyStoredEvent() {
    crossdeck.flush();
    List<StoredEvent> events = emulator.events();
    assertThat(events).hasSize(1);
    return events.get(0);
  }
}
