package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthenticationTest {

  private static final String ORIGIN = "https://app.example.com";

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(
          CrossdeckEmulator.builder().revokedKeys("cd_sk_test_revoked_1").allowedOrigins(ORIGIN));

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  private Reply postWithAuthorization(String authorization, String... moreHeaders) {
    String[] headers = new String[moreHeaders.length + 2];
    headers[0] = "Authorization";
    headers[1] = authorization;
    System.arraycopy(moreHeaders, 0, headers, 2, moreHeaders.length);
    return client.post("/v1/events", batch(userEvent("signup", "user_1")), headers);
  }

  @Test
  void rejectsRequestWithoutAuthorizationAsMissingApiKey() {
    Reply reply = client.post("/v1/events", batch(userEvent("signup", "user_1")));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error().path("type").asText()).isEqualTo("authentication_error");
    assertThat(reply.error().path("code").asText()).isEqualTo("missing_api_key");
  }

  @Test
  void rejectsBlankBearerAsMissingApiKey() {
    Reply reply = postWithAuthorization("Bearer ");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error().path("code").asText()).isEqualTo("missing_api_key");
  }

  @Test
  void rejectsKeyWithUnknownPrefixAsInvalidApiKey() {
    Reply reply = postWithAuthorization("Bearer sk_test_123");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error().path("type").asText()).isEqualTo("authentication_error");
    assertThat(reply.error().path("code").asText()).isEqualTo("invalid_api_key");
  }

  @Test
  void rejectsBarePrefixAsInvalidApiKey() {
    Reply reply = postWithAuthorization("Bearer cd_sk_test_");

    assertThat(reply.error().path("code").asText()).isEqualTo("invalid_api_key");
  }

  @Test
  void rejectsNonBearerSchemeAsInvalidApiKey() {
    Reply reply = postWithAuthorization("Basic " + ApiClient.KEY);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error().path("code").asText()).isEqualTo("invalid_api_key");
  }

  @Test
  void rejectsRevokedKeyAsKeyRevoked() {
    Reply reply = postWithAuthorization("Bearer cd_sk_test_revoked_1");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error().path("code").asText()).isEqualTo("key_revoked");
  }

  @Test
  void acceptsAnyTestKeyAsSandbox() {
    Reply reply = postWithAuthorization("Bearer cd_sk_test_anything");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().path("env").asText()).isEqualTo("sandbox");
  }

  @Test
  void acceptsLiveKeyAsProduction() {
    Reply reply =
        client.post(
            "/v1/events",
            Batches.json(
                Batches.envelope(userEvent("signup", "user_1")).put("environment", "production")),
            "Authorization",
            "Bearer cd_sk_live_anything");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().path("env").asText()).isEqualTo("production");
    assertThat(emulator.awaitEvents(1, Duration.ofSeconds(5)).get(0).environment())
        .isEqualTo(Environment.PRODUCTION);
  }

  @Test
  void rejectsPublishableKeyWithoutOriginAsOriginNotAllowed() {
    Reply reply = postWithAuthorization("Bearer cd_pub_test_web");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.error().path("type").asText()).isEqualTo("permission_error");
    assertThat(reply.error().path("code").asText()).isEqualTo("origin_not_allowed");
  }

  @Test
  void rejectsPublishableKeyFromOtherOriginAsOriginNotAllowed() {
    Reply reply = postWithAuthorization("Bearer cd_pub_test_web", "Origin", "https://evil.example");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.error().path("code").asText()).isEqualTo("origin_not_allowed");
  }

  @Test
  void acceptsPublishableKeyFromAllowedOrigin() {
    Reply reply = postWithAuthorization("Bearer cd_pub_test_web", "Origin", ORIGIN);

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().path("env").asText()).isEqualTo("sandbox");
  }

  @Test
  void rejectsDeclaredEnvironmentThatContradictsKeyAsEnvMismatch() {
    Reply reply =
        client.postEvents(
            Batches.json(
                Batches.envelope(userEvent("signup", "user_1")).put("environment", "production")));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.error().path("type").asText()).isEqualTo("permission_error");
    assertThat(reply.error().path("code").asText()).isEqualTo("env_mismatch");
    assertThat(reply.error().path("param").asText()).isEqualTo("environment");
  }

  @Test
  void acceptsBatchWithoutDeclaredEnvironment() {
    Reply reply = client.postEvents(Batches.json(Batches.envelope(userEvent("signup", "user_1"))));

    assertThat(reply.status()).isEqualTo(202);
  }

  @Test
  void errorBodyCarriesTheRequestIdOfItsResponse() {
    Reply reply = client.post("/v1/events", batch(userEvent("signup", "user_1")));

    assertThat(reply.header("x-request-id")).startsWith("req_");
    assertThat(reply.error().path("request_id").asText()).isEqualTo(reply.header("x-request-id"));
  }

  @Test
  void checksAuthenticationBeforeTheBody() {
    Reply reply = client.post("/v1/events", "not json");

    assertThat(reply.status()).isEqualTo(401);
  }
}
