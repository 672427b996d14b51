package com.crossdeck.client.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorFingerprintTest {

  // This test's own frames sit under com.crossdeck.client., a library prefix; naming the class
  // as in-app makes them the "application" whose sites are fingerprinted.
  private static final InAppClassifier CLASSIFIER =
      new InAppClassifier(
          List.of(ErrorFingerprintTest.class.getName()), InAppClassifier.DEFAULT_LIBRARY_PREFIXES);

  /** The reference SDK's vectors (extended contract §6.5): joined hash input and fingerprint. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '¦',
      value = {
        "deprecated path hit ¦ dbccb148",
        "boom ¦ 7c94b392",
        "boom|Error:: ¦ 841f6e6c",
        "Cannot read properties of undefined (reading 'id')|handleCheckout@/app/src/checkout.js:42"
            + "|?@/app/src/server.js:10 ¦ 44590281",
        "x|a@/app/a.js:1|b@/app/b.js:2|c@/app/c.js:3 ¦ 4934d1ff",
        "lib|Error:/app/node_modules/lib/index.js:7 ¦ ff085502",
        "HTTP 503 GET|HTTPError:https://x.example/api: ¦ 978d20fd",
        "'' ¦ 00001505",
        "héllo 😀 ¦ 8a1caf7a"
      })
  void hashesExactlyAsTheReferenceSdk(String input, String fingerprint) {
    assertThat(ErrorFingerprint.djb2(input)).isEqualTo(fingerprint);
  }

  @Test
  void aMessageIsFingerprintedByItsFirst200CharactersAsTheReferenceSdkDoes() {
    assertThat(ErrorFingerprint.ofMessage("deprecated path hit")).isEqualTo("dbccb148");
    assertThat(ErrorFingerprint.ofMessage("a".repeat(300))).isEqualTo("c7d3f54d");
    assertThat(ErrorFingerprint.ofMessage("")).isEqualTo("00001505");
  }

  /** Java grouping keys: type and the top three in-app {@code Class.method} sites, no lines. */
  @Test
  void fingerprintsAThrowableByItsTypeAndTopThreeInAppSites() {
    RuntimeException error = new IllegalStateException("order 1234 not found");
    error.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 233),
          new StackTraceElement(
              "com.acme.checkout.CheckoutService", "pay", "CheckoutService.java", 42),
          new StackTraceElement(
              "com.acme.checkout.CheckoutService", "submit", "CheckoutService.java", 17),
          new StackTraceElement(
              "org.springframework.web.Dispatcher", "handle", "Dispatcher.java", 9),
          new StackTraceElement(
              "com.acme.web.CheckoutController", "post", "CheckoutController.java", 88),
          new StackTraceElement("com.acme.web.CheckoutController", "handle", null, -1)
        });

    // djb2("java.lang.IllegalStateException|com.acme.checkout.CheckoutService.pay
    //       |com.acme.checkout.CheckoutService.submit|com.acme.web.CheckoutController.post")
    assertThat(ErrorFingerprint.of(error, InAppClassifier.defaults())).isEqualTo("ebd9edc0");
  }

  @Test
  void fingerprintsFixedVectorsWithoutInAppFramesOrWithoutFrames() {
    RuntimeException library = new IllegalStateException("x");
    library.setStackTrace(
        new StackTraceElement[] {
          frame("org.example.lib.Pool", "run"), frame("org.example.lib.Pool", "take")
        });
    InAppClassifier nothingInApp = new InAppClassifier(List.of(), List.of("org.example."));

    // djb2("java.lang.IllegalStateException|org.example.lib.Pool.run|org.example.lib.Pool.take")
    assertThat(ErrorFingerprint.of(library, nothingInApp)).isEqualTo("ee6c957b");
    // djb2("java.lang.RuntimeException")
    assertThat(ErrorFingerprint.of(withStack(), CLASSIFIER)).isEqualTo("dfb24bb8");
  }

  @Test
  void isEightLowerCaseHexDigits() {
    assertThat(fingerprint(failInCheckout("boom"))).matches("[0-9a-f]{8}");
  }

  @Test
  void isTheSameForTwoErrorsFromTheSameSiteWithDifferentMessages() {
    assertThat(fingerprint(failInCheckout("order 1 not found")))
        .isEqualTo(fingerprint(failInCheckout("order 2 not found")));
  }

  @Test
  void ignoresLineNumbersSoTheSameSiteReachedFromAnotherLineMatches() {
    RuntimeException first = failInCheckout("boom");
    RuntimeException second = failInCheckout("boom");

    assertThat(first.getStackTrace()[1].getLineNumber())
        .isNotEqualTo(second.getStackTrace()[1].getLineNumber());
    assertThat(fingerprint(first)).isEqualTo(fingerprint(second));
  }

  @Test
  void differsForAnotherSite() {
    assertThat(fingerprint(failInCheckout("boom"))).isNotEqualTo(fingerprint(failInRefund("boom")));
  }

  @Test
  void differsForAnotherErrorTypeAtTheSameSite() {
    RuntimeException state = failInCheckout("boom");
    RuntimeException argument = new IllegalArgumentException("boom");
    argument.setStackTrace(state.getStackTrace());

    assertThat(fingerprint(state)).isNotEqualTo(fingerprint(argument));
  }

  @Test
  void usesTheTopFramesWhenNoneIsInApp() {
    RuntimeException first = withStack(frame("org.example.lib.Pool", "run"));
    RuntimeException second = withStack(frame("org.example.lib.Queue", "run"));
    InAppClassifier nothingInApp = new InAppClassifier(List.of(), List.of("org.example."));

    assertThat(ErrorFingerprint.of(first, nothingInApp))
        .isNotEqualTo(ErrorFingerprint.of(second, nothingInApp));
  }

  @Test
  void ignoresTheCountersInGeneratedClassNames() {
    RuntimeException first =
        withStack(frame("com.acme.Cart$$Lambda/0x0000000800c01234", "apply"), frame("a.B", "c"));
    RuntimeException second =
        withStack(frame("com.acme.Cart$$Lambda/0x0000000800d05678", "apply"), frame("a.B", "c"));

    assertThat(ErrorFingerprint.of(first, InAppClassifier.defaults()))
        .isEqualTo(ErrorFingerprint.of(second, InAppClassifier.defaults()));
  }

  @Test
  void isStableForAnErrorWithoutFrames() {
    assertThat(ErrorFingerprint.of(withStack(), CLASSIFIER))
        .isEqualTo(ErrorFingerprint.of(withStack(), CLASSIFIER))
        .matches("[0-9a-f]{8}");
  }

  private static String fingerprint(Throwable error) {
    return ErrorFingerprint.of(error, CLASSIFIER);
  }

  private static RuntimeException failInCheckout(String message) {
    return new IllegalStateException(message);
  }

  private static RuntimeException failInRefund(String message) {
    return new IllegalStateException(message);
  }

  private static RuntimeException withStack(StackTraceElement... frames) {
    RuntimeException error = new RuntimeException("boom");
    error.setStackTrace(frames);
    return error;
  }

  private static StackTraceElement frame(String className, String method) {
    return new StackTraceElement(className, method, null, -1);
  }
}
