package com.crossdeck.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.emulator.CrossdeckEmulator;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandaloneMainTest {

  @Test
  void printsTheBaseUrlTheTimelineUrlAndATestKey() {
    try (CrossdeckEmulator emulator = CrossdeckEmulator.builder().build().start()) {
      String banner =
          StandaloneMain.banner(emulator, RateLimit.DEFAULT, List.of("http://localhost:3000"));

      assertThat(banner)
          .contains("API base URL  " + emulator.baseUrl())
          .contains("Timelines     " + emulator.timelineUrl())
          .contains("Test key      " + CrossdeckEmulator.TEST_SECRET_KEY)
          .contains("1000 events/s per project, bursts of 2000")
          .contains("Web origins   http://localhost:3000");
    }
  }
}
