package com.crossdeck.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keys in logs look like the reference SDK shows them (contract §b). */
class KeyMaskTest {

  @Test
  void hidesAShortKeyEntirelyAfterItsPrefix() {
    assertThat(KeyMask.mask("cd_sk_test_001")).isEqualTo("cd_sk_test_****");
  }

  @Test
  void showsTheLastFourCharactersOfALongKey() {
    assertThat(KeyMask.mask("cd_sk_test_ABCDEFGHIJKLMN9999")).isEqualTo("cd_sk_test_****9999");
  }

  @Test
  void keepsThePublishablePrefix() {
    assertThat(KeyMask.mask("cd_pub_live_abcdefgh")).isEqualTo("cd_pub_live_****efgh");
  }

  @Test
  void revealsNoPrefixOfAnUnknownKey() {
    assertThat(KeyMask.mask("sk_live_secret_1234")).isEqualTo("****1234");
  }
}
