package com.crossdeck.spring.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class IdentityInputValidatorTests {

  private static final String SOURCE = "anonymous id header";

  private final IdentityInputValidator validator = new IdentityInputValidator();

  @Test
  void acceptsTheAnonymousIdsOfCrossdecksSdks() {
    List<String> ids =
        List.of(
            "anon_mm9gf740f6g7h8i9j0", // web: base-36 time + 10 random characters
            "anon_3f2a9c0d1e4b4f6a8b7c9d0e1f2a3b4c", // Android: UUID hex
            "anon_node_mm9gf740k3j9x2m1q8"); // Node's process id

    assertThat(ids)
        .allSatisfy(id -> assertThat(validator.acceptAnonymousId(id, SOURCE)).isEqualTo(id));
    assertThat(validator.rejectedCount()).isZero();
  }

  @Test
  void rejectsAnonymousIdsOfAnyOtherShape() {
    List<String> forged =
        List.of(
            "user_ada", // another kind of id entirely
            "cdcust_k3j9x2m1q8", // a customer id is no anonymous id
            "anon_", // the prefix alone
            "anon_1<script>", // outside the safe characters
            "anon_1\r\nX-Injected: 1",
            "anon:web-1",
            "anon_" + "x".repeat(65)); // longer than any SDK's

    assertThat(forged)
        .allSatisfy(id -> assertThat(validator.acceptAnonymousId(id, SOURCE)).isNull());
    assertThat(validator.rejectedCount()).isEqualTo(forged.size());
  }

  @Test
  void acceptsOnlyCustomerIdsThatLookLikeCrossdecks() {
    assertThat(validator.acceptCustomerId("cdcust_7f3a9c", "customer id cookie"))
        .isEqualTo("cdcust_7f3a9c");

    for (String forged :
        List.of("user_ada", "anon_k3j9x2m1q8", "cdcust_", "cdcust_a:b", "7f3a9c")) {
      assertThat(validator.acceptCustomerId(forged, "customer id cookie")).as(forged).isNull();
    }
    assertThat(validator.rejectedCount()).isEqualTo(5);
  }

  @Test
  void matchesAConfiguredPatternForCustomAnonymousIdsButNeverMoreThanTheMaximumLength() {
    IdentityInputValidator custom = new IdentityInputValidator(Pattern.compile("visitor-[0-9]+"));

    assertThat(custom.acceptAnonymousId("visitor-42", SOURCE)).isEqualTo("visitor-42");
    assertThat(custom.acceptAnonymousId("anon_mm9gf740f6g7h8i9j0", SOURCE)).isNull();
    String tooLong = "visitor-" + "1".repeat(IdentityInputValidator.MAX_LENGTH);
    assertThat(custom.acceptAnonymousId(tooLong, SOURCE)).isNull();
  }

  @Test
  void treatsAbsentValuesAsAbsentWithoutCountingThem() {
    assertThat(validator.acceptAnonymousId(null, SOURCE)).isNull();
    assertThat(validator.acceptAnonymousId("", SOURCE)).isNull();
    assertThat(validator.acceptCustomerId(null, "customer id cookie")).isNull();
    assertThat(validator.rejectedCount()).isZero();
  }

  @Test
  void logsTheFirstRejectionOnceWithItsLengthButNeverTheValue(CapturedOutput output) {
    validator.acceptAnonymousId("forged<value>", SOURCE);
    validator.acceptCustomerId("another<value>", "customer id cookie");

    assertThat(output).contains("anonymous id header (13 characters");
    assertThat(output).doesNotContain("forged").doesNotContain("another");
    assertThat(output.toString().split("Ignored an invalid Crossdeck identifier", -1)).hasSize(2);
  }
}
