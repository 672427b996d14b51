package com.crossdeck.spring.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class IdentityInputValidatorTests {

  private final IdentityInputValidator validator = new IdentityInputValidator();

  @Test
  void acceptsWebSdkAnonymousIds() {
    assertThat(validator.accept("anon_k3j9x2m1q8", "header X-Anon-Id"))
        .isEqualTo("anon_k3j9x2m1q8");
    assertThat(validator.rejectedCount()).isZero();
  }

  @Test
  void acceptsIdsOfExactlyTheMaximumLength() {
    String longest = "a".repeat(IdentityInputValidator.MAX_LENGTH);

    assertThat(validator.accept(longest, "header X-Anon-Id")).isEqualTo(longest);
  }

  @Test
  void treatsAbsentValuesAsAbsentWithoutCountingThem() {
    assertThat(validator.accept(null, "header X-Anon-Id")).isNull();
    assertThat(validator.accept("", "header X-Anon-Id")).isNull();
    assertThat(validator.rejectedCount()).isZero();
  }

  @Test
  void rejectsAndCountsOverLongValues() {
    assertThat(validator.accept("a".repeat(257), "header X-Anon-Id")).isNull();
    assertThat(validator.rejectedCount()).isOne();
  }

  @Test
  void rejectsValuesOutsideTheSafeCharacterSet() {
    assertThat(validator.accept("anon_1<script>", "header X-Anon-Id")).isNull();
    assertThat(validator.accept("anon 1", "header X-Anon-Id")).isNull();
    assertThat(validator.accept("anon_1\r\nX-Injected: 1", "header X-Anon-Id")).isNull();
    assertThat(validator.rejectedCount()).isEqualTo(3);
  }

  @Test
  void logsTheFirstRejectionOnceWithItsLengthButNeverTheValue(CapturedOutput output) {
    validator.accept("forged<value>", "header X-Anon-Id");
    validator.accept("another<value>", "header X-Anon-Id");

    assertThat(output).contains("header X-Anon-Id (13 characters");
    assertThat(output).doesNotContain("forged").doesNotContain("another");
    assertThat(output.toString().split("Ignored an invalid Crossdeck identifier", -1)).hasSize(2);
  }
}
