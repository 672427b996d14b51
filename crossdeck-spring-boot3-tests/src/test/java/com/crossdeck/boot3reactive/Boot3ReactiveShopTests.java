package com.crossdeck.boot3reactive;

import static com.crossdeck.boot3reactive.Boot3ReactiveShop.PASSWORD;
import static com.crossdeck.boot3reactive.Boot3ReactiveShop.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The starter in a Spring Boot 3.5 WebFlux application on Netty, end to end. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.main.web-application-type=reactive",
      // The boot heartbeat's sdk.boot event would join the events these tests judge one by one.
      "crossdeck.boot-heartbeat=false",
      "spring.reactor.context-propagation=auto"
    })
class Boot3ReactiveShopTests {

  @Autowired CrossdeckEmulator emulator;

  @Autowired CrossdeckServer crossdeck;

  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void setUp() {
    crossdeck.flush();
    emulator.reset();
  }

  @Test
  void attributesAnAnonymousRequestToTheAnonymousIdHeader() {
    assertThat(send(post("/events/pricing_viewed").header("X-Anon-Id", "anon_flux35")).body())
        .isEqualTo("queued");

    assertThat(onlyStoredEvent().identity())
        .isEqualTo(new IdentityHint(IdentityHint.Type.ANONYMOUS_ID, "anon_flux35"));
  }

  @Test
  void attributesAnAnonymousRequestToTheWebSdksCookie() {
    send(post("/events/pricing_viewed").header("Cookie", "crossdeck%3Aanon_id=anon_cookie35"));

    assertThat(onlyStoredEvent().identity())
        .isEqualTo(new IdentityHint(IdentityHint.Type.ANONYMOUS_ID, "anon_cookie35"));
  }

  @Test
  void attributesASignedInRequestToTheUser() {
    send(signedIn(post("/events/dashboard_viewed").header("X-Anon-Id", "anon_other")));

    assertThat(onlyStoredEvent().identity())
        .isEqualTo(new IdentityHint(IdentityHint.Type.DEVELOPER_USER_ID, USER));
  }

  @Test
  void tracksAMonoAfterItCompletesAndNothingWhenItFails() {
    Instant called = Instant.now();
    assertThat(send(signedIn(post("/payments/p_1"))).statusCode()).isEqualTo(200);
    assertThat(send(signedIn(post("/payments/p_2?decline=true"))).statusCode()).isEqualTo(500);

    StoredEvent event = onlyStoredEvent();
    assertThat(event.eventId()).isEqualTo("payment_p_1");
    long completedAt = ((Number) event.properties().get("completedAt")).longValue();
    assertThat(completedAt)
        .isGreaterThanOrEqualTo(called.plus(Boot3ReactiveShop.WORK).toEpochMilli());
    assertThat(event.timestamp()).isGreaterThanOrEqualTo(completedAt);
    assertThat(event.identity())
        .isEqualTo(new IdentityHint(IdentityHint.Type.DEVELOPER_USER_ID, USER));
  }

  private HttpRequest.Builder post(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.noBody());
  }

  private static HttpRequest.Builder signedIn(HttpRequest.Builder request) {
    String credentials = USER + ":" + PASSWORD;
    return request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private StoredEvent onlyStoredEvent() {
    crossdeck.flush();
    List<StoredEvent> events = emulator.events();
    assertThat(events).hasSize(1);
    return events.get(0);
  }
}
