package com.crossdeck.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void eventIdsArePrefixedTimeOrderedAndCarrySixteenRandomCharacters() {
    String id = Ids.eventId(1_767_225_600_000L);

    assertThat(id).startsWith("evt_" + Long.toString(1_767_225_600_000L, 36)).hasSize(4 + 8 + 16);
    assertThat(id.substring(4)).matches("[0-9a-z]+");
  }

  @Test
  void batchKeysArePrefixedAndRandom() {
    SplittableRandom random = new SplittableRandom(1);

    String key = Ids.batchKey(1_767_225_600_000L, random);

    assertThat(key).matches("batch_[0-9a-z]{8}[0-9a-z]{12}");
    assertThat(Ids.batchKey(1_767_225_600_000L, random)).isNotEqualTo(key);
  }

  @Test
  void aMillionEventIdsInTheSameMillisecondDoNotCollide() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1_000_000; i++) {
      ids.add(Ids.eventId(42));
    }
    assertThat(ids).hasSize(1_000_000);
  }

  @Test
  void randomCharactersCoverTheWholeAlphabet() {
    Set<Character> seen = new HashSet<>();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 1000; i++) {
      for (char c : Ids.build("", 0, 16, random).substring(1).toCharArray()) {
        seen.add(c);
      }
    }
    assertThat(seen).hasSize(36);
  }
}
