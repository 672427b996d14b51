package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DisabledClientTest {

  @Test
  void acceptsEverythingAndSendsNothing() {
    try (CrossdeckServer client = CrossdeckServer.disabled()) {
      assertThat(client.isEnabled()).isFalse();
      assertThat(client.track(Event.builder("a").developerUserId("u").build()).queued()).isTrue();
      assertThat(client.flush(Duration.ofSeconds(1)).completed()).isTrue();
      assertThat(client.identify("user_1", "anon_1").linked()).isEmpty();
      assertThat(client.toString()).contains("disabled");
    }
  }
}
