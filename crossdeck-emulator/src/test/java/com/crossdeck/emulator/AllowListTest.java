package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AllowListTest {

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().allowedKeys("cd_sk_test_team_a"));

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  @Test
  void acceptsKeyOnTheAllowList() {
    Reply reply =
        client.post(
            "/v1/events",
            batch(userEvent("signup", "user_1")),
            "Authorization",
            "Bearer cd_sk_test_team_a");

    assertThat(reply.status()).isEqualTo(202);
  }

  @Test
  void rejectsWellFormedKeyMissingFromTheAllowListAsInvalidApiKey() {
    Reply reply = client.postEvents(batch(userEvent("signup", "user_1")));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.error().path("code").asText()).isEqualTo("invalid_api_key");
  }
}
