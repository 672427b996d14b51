package com.crossdeck.client.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InAppClassifierTest {

  @ParameterizedTest
  @ValueSource(strings = {"com.acme.shop.Checkout", "Main", "io.acme.Job$1"})
  void byDefaultTreatsEveryClassOutsideTheKnownLibrariesAsInApp(String className) {
    assertThat(InAppClassifier.defaults().isInApp(className)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java.lang.Thread",
        "jdk.internal.reflect.DirectMethodHandleAccessor",
        "org.springframework.web.servlet.DispatcherServlet",
        "org.apache.catalina.core.StandardWrapperValve",
        "com.fasterxml.jackson.databind.ObjectMapper",
        "com.crossdeck.client.internal.ErrorReport"
      })
  void byDefaultTreatsTheJdkFrameworksAndThisSdkAsNotInApp(String className) {
    assertThat(InAppClassifier.defaults().isInApp(className)).isFalse();
  }

  @Test
  void anInAppPrefixWinsOverALibraryPrefix() {
    InAppClassifier classifier =
        new InAppClassifier(List.of("org.apache.acme."), InAppClassifier.DEFAULT_LIBRARY_PREFIXES);

    assertThat(classifier.isInApp("org.apache.acme.Billing")).isTrue();
  }

  @Test
  void withInAppPrefixesAClassMatchingNoPrefixIsNotInApp() {
    InAppClassifier classifier =
        new InAppClassifier(List.of("com.acme."), InAppClassifier.DEFAULT_LIBRARY_PREFIXES);

    assertThat(classifier.isInApp("io.vendor.Client")).isFalse();
  }

  @Test
  void usesTheConfiguredLibraryPrefixesInsteadOfTheDefaults() {
    InAppClassifier classifier = new InAppClassifier(List.of(), List.of("io.vendor."));

    assertThat(classifier.isInApp("io.vendor.Client")).isFalse();
    assertThat(classifier.isInApp("java.lang.Thread")).isTrue();
  }
}
