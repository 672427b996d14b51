package com.crossdeck.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandaloneOptionsTest {

  @Test
  void defaultsToPort8787AndTheDefaultRateLimit() {
    assertThat(StandaloneOptions.parse())
        .isEqualTo(new StandaloneOptions(8787, 1000, List.of(), false));
  }

  @Test
  void readsOptionsWithSpaceOrEqualsSign() {
    assertThat(StandaloneOptions.parse("--port", "9000", "--rate-limit=50"))
        .isEqualTo(new StandaloneOptions(9000, 50, List.of(), false));
  }

  @Test
  void burstsAtTwiceTheRateButNeverBelowOneBatch() {
    assertThat(StandaloneOptions.parse("--rate-limit", "500").bucket())
        .isEqualTo(new RateLimit(500, 1000));
    assertThat(StandaloneOptions.parse("--rate-limit", "10").bucket())
        .isEqualTo(new RateLimit(10, 100));
  }

  @Test
  void turnsTheRateLimitOffWithZero() {
    assertThat(StandaloneOptions.parse("--rate-limit", "0").bucket().enabled()).isFalse();
  }

  @Test
  void asksForHelp() {
    assertThat(StandaloneOptions.parse("--help").help()).isTrue();
  }

  @Test
  void rejectsAnUnknownOption() {
    assertThatThrownBy(() -> StandaloneOptions.parse("--verbose"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--verbose");
  }

  @Test
  void rejectsAMissingValue() {
    assertThatThrownBy(() -> StandaloneOptions.parse("--port"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--port needs a value");
  }

  @Test
  void rejectsANonNumericValue() {
    assertThatThrownBy(() -> StandaloneOptions.parse("--port", "eighty"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eighty");
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertThatThrownBy(() -> StandaloneOptions.parse("--port", "70000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0-65535");
  }

  @Test
  void collectsEveryAllowedOriginNormalized() {
    assertThat(
            StandaloneOptions.parse(
                    "--allow-origin", "http://localhost:3000/", "--allow-origin=HTTPS://App.Test")
                .allowedOrigins())
        .containsExactly("http://localhost:3000", "https://app.test");
  }

  @Test
  void rejectsAnAllowedOriginWithAPath() {
    assertThatThrownBy(() -> StandaloneOptions.parse("--allow-origin", "http://localhost:3000/app"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheme://host[:port]")
        .hasMessageContaining("http://localhost:3000/app");
  }
}
