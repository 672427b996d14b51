package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the official web SDK needs from a Crossdeck API in a browser: CORS preflights and headers
 * for allowed origins, publishable keys with their origin rule, {@code GET /v1/config}, and the
 * heartbeat. The requests carry the headers the web SDK sends (web:src/http.ts).
 */
class WebSdkAccessTest {

  private static final String PAGE = "http://localhost:8080";
  private static final String PUBLISHABLE_KEY = "cd_pub_test_web_app";

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension().allowedOrigins(PAGE, "http://127.0.0.1:8080");

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  private Reply preflight(String path, String origin) {
    return client.send(
        client
            .request(
                path,
                "Origin",
                origin,
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization,content-type,crossdeck-sdk-version,idempotency-key")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }

  private Reply webBatch(String origin) {
    return client.post(
        "/v1/events",
        Batches.json(
            Batches.object()
                .put("appId", "app_web")
                .put("environment", "sandbox")
                .set(
                    "events",
                    Batches.object()
                        .arrayNode()
                        .add(
                            Batches.event("page.viewed")
                                .put("eventId", "evt_web_1")
                                .put("anonymousId", "anon_mb3k9x2a7q0123456789")))),
        "Authorization",
        "Bearer " + PUBLISHABLE_KEY,
        "Content-Type",
        "application/json",
        "Crossdeck-Sdk-Version",
        "@cross-deck/web@1.14.1",
        "Idempotency-Key",
        "batch_web_1",
        "Origin",
        origin);
  }

  @Test
  void answersAPreflightFromAnAllowedOriginWithTheMethodsAndHeadersTheSdkSends() {
    Reply reply = preflight("/v1/events", PAGE);

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
    assertThat(reply.header("Access-Control-Allow-Methods")).contains("GET", "POST");
    assertThat(reply.header("Access-Control-Allow-Headers"))
        .contains("Authorization", "Content-Type", "Crossdeck-Sdk-Version", "Idempotency-Key");
    assertThat(reply.header("Access-Control-Allow-Credentials")).isNull();
    assertThat(reply.header("Vary")).isEqualTo("Origin");
  }

  @Test
  void refusesAPreflightFromAnotherOrigin() {
    Reply reply = preflight("/v1/events", "https://evil.example");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.error().path("code").asText()).isEqualTo("cors_origin_not_allowed");
    assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void refusesAPreflightForTheReadSidePages() {
    assertThat(preflight("/", PAGE).status()).isEqualTo(403);
  }

  @Test
  void acceptsAPublishableKeyBatchFromAnAllowedOriginWithCorsHeaders() {
    Reply reply = webBatch(PAGE);

    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
    assertThat(reply.header("Access-Control-Expose-Headers"))
        .contains("x-request-id", "Retry-After", "Idempotent-Replayed");
    assertThat(emulator.awaitEvents(1, Duration.ofSeconds(5)))
        .extracting(StoredEvent::eventId)
        .containsExactly("evt_web_1");
  }

  @Test
  void acceptsTheOtherAllowedOriginToo() {
    assertThat(webBatch("http://127.0.0.1:8080").status()).isEqualTo(202);
  }

  @Test
  void refusesAPublishableKeyBatchFromAnotherOriginAndStoresNothing() {
    Reply reply = webBatch("https://evil.example");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.error().path("type").asText()).isEqualTo("permission_error");
    assertThat(reply.error().path("code").asText()).isEqualTo("origin_not_allowed");
    assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
    assertThat(emulator.storedEventCount()).isZero();
  }

  @Test
  void givesASecretKeyRequestFromAnotherOriginNoCorsHeaders() {
    Reply reply =
        client.postEvents(
            Batches.batch(userEvent("signup", "user_1")), "Origin", "https://evil.example");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void answersAHeartbeatFromAnAllowedOriginAsAWebApp() {
    Reply reply =
        client.get(
            "/v1/sdk/heartbeat", "Authorization", "Bearer " + PUBLISHABLE_KEY, "Origin", PAGE);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("platform").asText()).isEqualTo("web");
    assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
  }

  @Test
  void answersASameOriginHeartbeatThatHasNoOriginHeader() {
    Reply reply =
        client.get(
            "/v1/sdk/heartbeat",
            "Authorization",
            "Bearer " + PUBLISHABLE_KEY,
            "Sec-Fetch-Site",
            "same-origin");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void answersAHeartbeatWithASecretKeyAndNoOrigin() {
    Reply reply = client.get("/v1/sdk/heartbeat", "Authorization", "Bearer " + ApiClient.KEY);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("platform").asText()).isEqualTo("server");
  }

  @Test
  void refusesAPublishableKeyPostWithoutAnOrigin() {
    Reply reply =
        client.post(
            "/v1/events",
            Batches.batch(Batches.anonymousEvent("x", "anon_1")),
            "Authorization",
            "Bearer " + PUBLISHABLE_KEY,
            "Sec-Fetch-Site",
            "same-origin");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.error().path("code").asText()).isEqualTo("origin_not_allowed");
  }

  @Test
  void servesTheRemoteConfigWithTheSdksDefaults() {
    Reply reply =
        client.get("/v1/config", "Authorization", "Bearer " + PUBLISHABLE_KEY, "Origin", PAGE);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().strip())
        .isEqualTo(
            "{\"object\":\"config\",\"env\":\"sandbox\",\"verifierConfig\":"
                + "{\"logVerifierResults\":null,\"verifyContractsAtBoot\":null}}");
    assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
  }

  @Test
  void refusesTheRemoteConfigWithoutAKey() {
    assertThat(client.get("/v1/config").status()).isEqualTo(401);
  }
}
