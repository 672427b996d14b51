package com.crossdeck.client.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorFingerprintTest {

  // This test's own frames sit under com.crossdeck.client., a library prefix; naming the class
  // as in-app makes them the "application" whose sites are fingerprinted.
  private static final InAppClassifier CLASSIFIER =
      new InAppClassifier(
          List.of(ErrorFingerprintTest.class.getName()), InAppClassifier.DEFAULT_LIBRARY_PREFIXES);

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
