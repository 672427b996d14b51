package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class HeartbeatTest extends MockServerTest {

  @Test
  void getsTheHeartbeatAndReturnsTheProject() {
    dispatcher.then(
        new MockResponse.Builder()
            .code(200)
            .body(
                "{\"object\":\"heartbeat\",\"ok\":true,\"projectId\":\"proj_1\",\"appId\":\"app_1\","
                    + "\"platform\":\"server\",\"env\":\"sandbox\",\"serverTime\":1767225600000}")
            .build());
    CrossdeckServer client = client();

    HeartbeatResult result = client.heartbeat();

    mockwebserver3.RecordedRequest request = nextRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/sdk/heartbeat");
    assertThat(request.getHeaders().get("Content-Type")).isNull();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TEST_KEY);
    assertThat(result)
        .isEqualTo(
            new HeartbeatResult(
                true, "proj_1", "app_1", "sandbox", Instant.ofEpochMilli(1767225600000L)));
  }

  @Test
  void isRetriedLikeEveryReadUpToThreeAttemptsButNotOnA429() {
    dispatcher.thenError(503, "internal_error", "internal_error");
    dispatcher.then(new MockResponse.Builder().code(504).build());
    dispatcher.then(
        new MockResponse.Builder()
            .code(200)
            .body("{\"object\":\"heartbeat\",\"ok\":true}")
            .build());
    dispatcher.thenError(429, "rate_limit_error", "rate_limited");
    CrossdeckServer client = client();

    HeartbeatResult result = whileTimePasses(client::heartbeat);
    CrossdeckException limited =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CrossdeckException.class, () -> whileTimePasses(client::heartbeat));

    assertThat(result.ok()).isTrue();
    assertThat(limited.status()).isEqualTo(429);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void waitsTheServersRetryAfterBetweenAttempts() {
    dispatcher.then(new MockResponse.Builder().code(503).addHeader("Retry-After", "7").build());
    CrossdeckServer client = client();

    java.util.concurrent.CompletableFuture<HeartbeatResult> result =
        java.util.concurrent.CompletableFuture.supplyAsync(client::heartbeat);
    nextRequest();
    clock.awaitWaiterUntil(Duration.ofSeconds(7).toNanos());
    clock.advanceAndSettle(Duration.ofMillis(6999));
    assertThat(server.getRequestCount()).as("not before Retry-After").isEqualTo(1);
    clock.advance(Duration.ofMillis(1));

    assertThat(result.join().ok()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theBootHeartbeatRunsInTheBackgroundOnceTheApplicationHadTimeToStartAndFlagsARejectedKey() {
    dispatcher.thenError(401, "authentication_error", "invalid_api_key");

    CrossdeckServer client = client(options -> options.bootHeartbeat(true));
    clock.advanceAndSettle(Duration.ofSeconds(9));
    assertThat(server.getRequestCount()).as("not while the application starts").isZero();
    clock.advance(Duration.ofSeconds(1));

    assertThat(nextRequest().getUrl().encodedPath()).isEqualTo("/v1/sdk/heartbeat");
    await().until(() -> client.diagnostics().delivery().keyRejected());
  }
}
