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
