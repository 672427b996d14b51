package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyHandlingTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {"cd_pub_live_x", "cd_pub_test_abc123", "sk_live_123", "cd_sk_", "CD_SK_TEST_X"})
  void rejectsAnythingButASecretKeyAtBuild(String key) {
    CrossdeckException error =
        catchThrowableOfType(
            CrossdeckException.class,
            () -> CrossdeckServer.builder(key).bootHeartbeat(false).flushOnExit(false).build());

    assertThat(error.code()).isEqualTo(ErrorCodes.INVALID_SECRET_KEY);
    assertThat(error.type()).isEqualTo(ErrorCodes.TYPE_CONFIGURATION);
    assertThat(error.getMessage()).contains("secret key starting with cd_sk_");
    if (key != null && key.length() > "cd_sk_".length()) {
      assertThat(error.getMessage()).doesNotContain(key);
      assertThat(error.toString()).doesNotContain(key);
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\n"})
  void saysNoKeyWasGivenWhenItIsMissingOrBlank(String key) {
    CrossdeckException error =
        catchThrowableOfType(
            CrossdeckException.class,
            () -> CrossdeckServer.builder(key).bootHeartbeat(false).flushOnExit(false).build());

    assertThat(error.getMessage()).startsWith("No secret key was given");
  }

  @Test
  void removesWhitespaceAroundTheKey() {
    String key = "cd_sk_live_ABCDEFGHIJKLMNOPQRST9f3a";
    try (CrossdeckServer client =
        CrossdeckServer.builder(" \t" + key + "\r\n")
            .bootHeartbeat(false)
            .flushOnExit(false)
            .build()) {
      assertThat(client.environment()).isEqualTo("production");
      assertThat(client.diagnostics().maskedSecretKey()).isEqualTo("cd_sk_live_****9f3a");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cd_sk_test_abc def", "cd_sk_test_abc\ndef", "cd_sk_test_abc\u0000d"})
  void rejectsAKeyWithWhitespaceOrAControlCharacterInsideWithoutRepeatingIt(String key) {
    CrossdeckException error =
        catchThrowableOfType(
            CrossdeckException.class,
            () -> CrossdeckServer.builder(key).bootHeartbeat(false).flushOnExit(false).build());

    assertThat(error.code()).isEqualTo(ErrorCodes.INVALID_SECRET_KEY);
    assertThat(error.getMessage()).contains("position 15 of").doesNotContain("abc");
  }

  @Test
  void explainsThatAPublishableKeyBelongsInTheBrowser() {
    CrossdeckException error =
        catchThrowableOfType(
            CrossdeckException.class, () -> CrossdeckServer.builder("cd_pub_live_x").build());

    assertThat(error.getMessage()).contains("publishable key");
  }

  @Test
  void derivesTheEnvironmentFromTheKeyPrefix() {
    assertThat(environmentOf("cd_sk_live_abc")).isEqualTo("production");
    assertThat(environmentOf("cd_sk_test_abc")).isEqualTo("sandbox");
    assertThat(environmentOf("cd_sk_other")).isEqualTo("sandbox");
  }

  @Test
  void masksTheKeyInToStringAndDiagnostics() {
    String key = "cd_sk_live_ABCDEFGHIJKLMNOPQRST9f3a";
    try (CrossdeckServer client =
        CrossdeckServer.builder(key).bootHeartbeat(false).flushOnExit(false).build()) {
      assertThat(client.toString()).doesNotContain(key).contains("cd_sk_live_****9f3a");
      assertThat(client.diagnostics().maskedSecretKey()).isEqualTo("cd_sk_live_****9f3a");
      assertThat(client.diagnostics().toString()).doesNotContain(key);
    }
  }

  @Test
  void aShortKeyIsMaskedWithoutItsTail() {
    try (CrossdeckServer client =
        CrossdeckServer.builder("cd_sk_test_001").bootHeartbeat(false).flushOnExit(false).build()) {
      assertThat(client.diagnostics().maskedSecretKey()).isEqualTo("cd_sk_test_****");
    }
  }

  private static String environmentOf(String key) {
    try (CrossdeckServer client =
        CrossdeckServer.builder(key).bootHeartbeat(false).flushOnExit(false).build()) {
      return client.environment();
    }
  }
}
