package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuilderValidationTest {

  static Stream<Arguments> invalidOptions() {
    return Stream.of(
        invalid("eventFlushBatchSize", b -> b.eventFlushBatchSize(0), "between 1 and 100, got 0"),
        invalid(
            "eventFlushBatchSize", b -> b.eventFlushBatchSize(101), "between 1 and 100, got 101"),
        invalid("eventFlushInterval", b -> b.eventFlushInterval(Duration.ZERO), "between 1 ms"),
        invalid("eventFlushInterval", b -> b.eventFlushInterval(null), "got null"),
        invalid("flushOnExitTimeout", b -> b.flushOnExitTimeout(Duration.ofHours(1)), "300000 ms"),
        invalid("timeout", b -> b.timeout(Duration.ofMillis(-1)), "between 1 ms"),
        invalid("maxQueueSize", b -> b.maxQueueSize(0), "between 1 and 10000000"),
        invalid("maxQueueBytes", b -> b.maxQueueBytes(1024), "between 65536 and 2147483648 bytes"),
        invalid("baseUrl", b -> b.baseUrl("ftp://example.com"), "http or https URL"),
        invalid("baseUrl", b -> b.baseUrl(" "), "http or https URL"),
        invalid("missingIdentityAdvice", b -> b.missingIdentityAdvice(" \n"), "not be blank"));
  }

  private static Arguments invalid(
      String option, UnaryOperator<CrossdeckServerBuilder> change, String range) {
    return Arguments.of(option, change, range);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("invalidOptions")
  void failsAtBuildNamingTheOptionAndItsRange(
      String option, UnaryOperator<CrossdeckServerBuilder> change, String range) {
    CrossdeckServerBuilder builder = CrossdeckServer.builder("cd_sk_test_abc").bootHeartbeat(false);

    CrossdeckException error =
        catchThrowableOfType(CrossdeckException.class, () -> change.apply(builder).build());

    assertThat(error.code()).isEqualTo(ErrorCodes.INVALID_OPTION);
    assertThat(error.type()).isEqualTo(ErrorCodes.TYPE_CONFIGURATION);
    assertThat(error.getMessage()).startsWith(option).contains(range);
  }

  @Test
  void hasTheDocumentedDefaults() {
    assertThat(CrossdeckServerBuilder.DEFAULT_EVENT_FLUSH_BATCH_SIZE).isEqualTo(20);
    assertThat(CrossdeckServerBuilder.DEFAULT_EVENT_FLUSH_INTERVAL)
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(CrossdeckServerBuilder.DEFAULT_FLUSH_ON_EXIT_TIMEOUT)
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(CrossdeckServerBuilder.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(15));
    assertThat(CrossdeckServerBuilder.DEFAULT_BASE_URL).isEqualTo("https://api.cross-deck.com/v1");
    try (CrossdeckServer client =
        CrossdeckServer.builder("cd_sk_test_abc").bootHeartbeat(false).flushOnExit(false).build()) {
      Diagnostics diagnostics = client.diagnostics();
      assertThat(diagnostics.baseUrl()).isEqualTo("https://api.cross-deck.com/v1");
      assertThat(diagnostics.queue().maxEvents()).isEqualTo(100_000);
      assertThat(diagnostics.queue().maxBytes()).isEqualTo(64L * 1024 * 1024);
    }
  }

  @Test
  void stripsTrailingSlashesFromTheBaseUrl() {
    try (CrossdeckServer client =
        CrossdeckServer.builder("cd_sk_test_abc")
            .baseUrl("http://localhost:8787/v1///")
            .bootHeartbeat(false)
            .flushOnExit(false)
            .build()) {
      assertThat(client.diagnostics().baseUrl()).isEqualTo("http://localhost:8787/v1");
    }
  }
}
