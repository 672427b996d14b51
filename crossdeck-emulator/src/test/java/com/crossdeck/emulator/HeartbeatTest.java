package com.crossdeck.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HeartbeatTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().clock(new MutableClock(NOW)));

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  @Test
  void answersWithProjectAppPlatformEnvironmentAndServerTime() {
    Reply reply = client.get("/v1/sdk/heartbeat", "Authorization", "Bearer " + ApiClient.KEY);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode heartbeat = reply.json();
    assertThat(heartbeat.path("object").asText()).isEqualTo("heartbeat");
    assertThat(heartbeat.path("ok").asBoolean()).isTrue();
    assertThat(heartbeat.path("projectId").asText()).isEqualTo("proj_emulator");
    assertThat(heartbeat.path("appId").asText()).isEqualTo("app_emulator");
    assertThat(heartbeat.path("platform").asText()).isEqualTo("server");
    assertThat(heartbeat.path("env").asText()).isEqualTo("sandbox");
    assertThat(heartbeat.path("serverTime").longValue()).isEqualTo(NOW.toEpochMilli());
  }

  @Test
  void reportsProductionForALiveKey() {
    Reply reply = client.get("/v1/sdk/heartbeat", "Authorization", "Bearer cd_sk_live_emulator");

    assertThat(reply.json().path("env").asText()).isEqualTo("production");
  }

  @Test
  void rejectsAHeartbeatWithoutAKey() {
    Reply reply = client.get("/v1/sdk/heartbeat");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error().path("code").asText()).isEqualTo("missing_api_key");
  }
}
