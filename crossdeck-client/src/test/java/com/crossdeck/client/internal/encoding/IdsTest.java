package com.crossdeck.client.internal.encoding;

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
    assertThat(id.substring(12)).matches("[0-9a-v]{16}");
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
  void randomCharactersUseThirtyTwoSymbolsEvenly() {
    int[] counts = new int[128];
    SplittableRandom random = new SplittableRandom(7);
    int draws = 20_000;
    for (int i = 0; i < draws; i++) {
      for (char c : Ids.build("", 0, 16, random).substring(1).toCharArray()) {
        counts[c]++;
      }
    }
    double expected = draws * 16 / 32.0;
    for (char c : "0123456789abcdefghijklmnopqrstuv".toCharArray()) {
      assertThat(counts[c] / expected).as("frequency of %s", c).isBetween(0.95, 1.05);
    }
    assertThat(counts['w'] + counts['x'] + counts['y'] + counts['z']).isZero();
  }

  @Test
  void keepsFormattingTheTimeCorrectlyAsItChanges() {
    SplittableRandom random = new SplittableRandom(9);
    for (long millis : new long[] {0, 35, 36, 1_767_225_600_000L, 1_767_225_600_001L, 35}) {
      assertThat(Ids.build("t_", millis, 0, random)).isEqualTo("t_" + Long.toString(millis, 36));
    }
  }
}
