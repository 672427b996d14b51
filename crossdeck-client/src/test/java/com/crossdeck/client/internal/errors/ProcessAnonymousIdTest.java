package com.crossdeck.client.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProcessAnonymousIdTest {

  private static final long EPOCH_MILLIS = 1_700_000_000_000L;

  @Test
  void isThePrefixTheBase36TimeAndTenRandomCharacters() {
    String id = ProcessAnonymousId.generate(EPOCH_MILLIS, new Random(42));

    assertThat(id).matches("anon_java_" + Long.toString(EPOCH_MILLIS, 36) + "[0-9a-z]{10}");
  }

  @Test
  void differsBetweenProcessesStartedInTheSameMillisecond() {
    assertThat(ProcessAnonymousId.generate(EPOCH_MILLIS, new Random(1)))
        .isNotEqualTo(ProcessAnonymousId.generate(EPOCH_MILLIS, new Random(2)));
  }

  @Test
  void isTheSameForTheWholeProcess() {
    assertThat(ProcessAnonymousId.get())
        .isSameAs(ProcessAnonymousId.get())
        .matches("anon_java_[0-9a-z]{8,9}[0-9a-z]{10}");
  }
}
