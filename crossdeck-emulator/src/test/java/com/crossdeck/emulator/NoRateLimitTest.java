package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NoRateLimitTest {

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(
          CrossdeckEmulator.builder()
              .clock(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))
              .disableRateLimit());

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  @Test
  void acceptsEveryBatchWhenTheRateLimitIsDisabled() {
    String hundred =
        batch(
            IntStream.range(0, 100)
                .mapToObj(i -> userEvent("e", "user_1"))
                .toArray(ObjectNode[]::new));

    assertThat(IntStream.range(0, 30).map(i -> client.postEvents(hundred).status()))
        .containsOnly(202);
  }
}
