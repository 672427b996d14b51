package com.crossdeck.client.internal.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  private static String written(java.util.function.Consumer<JsonWriter> write) {
    JsonWriter out = new JsonWriter(4);
    write.accept(out);
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void writesLongsWithoutAllocatingStrings() {
    assertThat(written(w -> w.longValue(0))).isEqualTo("0");
    assertThat(written(w -> w.longValue(-42))).isEqualTo("-42");
    assertThat(written(w -> w.longValue(Long.MAX_VALUE))).isEqualTo(Long.toString(Long.MAX_VALUE));
    assertThat(written(w -> w.longValue(Long.MIN_VALUE))).isEqualTo(Long.toString(Long.MIN_VALUE));
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(written(w -> w.string("a\"b\\c\nd\te\u0000")))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0000\"");
  }

  @Test
  void encodesEveryUnicodePlaneAsUtf8() {
    String text = "\u00e9\u20ac\ud83d\ude80";
    assertThat(written(w -> w.string(text))).isEqualTo("\"" + text + "\"");
  }

  @Test
  void replacesLoneSurrogates() {
    assertThat(written(w -> w.string("\udc00"))).isEqualTo("\"\ufffd\"");
  }

  @Test
  void writesInstantsExactlyAsInstantToStringDoes() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    long maxSecond = java.time.Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      long second = random.nextLong(-100_000_000_000L, maxSecond + 1_000_000_000L);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      java.time.Instant instant = java.time.Instant.ofEpochSecond(second, nanos);
      assertThat(written(w -> w.instant(second, nanos))).isEqualTo("\"" + instant + "\"");
    }
  }

  @Test
  void writesInstantsAtTheEdgesOfTheFastPathExactly() {
    for (String text :
        new String[] {
          "-0001-12-31T23:59:59Z",
          "0000-01-01T00:00:00Z",
          "0000-02-29T23:59:59.999Z",
          "0000-03-01T00:00:00Z",
          "1969-12-31T23:59:59.000000001Z",
          "1970-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999Z",
          "+10000-01-01T00:00:00Z"
        }) {
      java.time.Instant instant = java.time.Instant.parse(text);
      assertThat(written(w -> w.instant(instant.getEpochSecond(), instant.getNano())))
          .isEqualTo("\"" + instant + "\"");
    }
  }

  @Test
  void writesShortDecimalsWithoutLosingTheDoubleTheyStandFor() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int i = 0; i < 200_000; i++) {
      double value =
          switch (i % 4) {
            case 0 -> random.nextLong(-1_000_000_000L, 1_000_000_000L) / 100.0;
            case 1 -> random.nextInt(-100_000, 100_000) / 1000.0;
            case 2 -> random.nextDouble(-1e6, 1e6);
            default -> (double) random.nextLong(-9_999_999L, 9_999_999L);
          };
      JsonWriter out = new JsonWriter(8);
      if (out.shortDecimal(value)) {
        String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertThat(Double.parseDouble(text)).isEqualTo(value);
        if (Math.abs(value) < 1e7) {
          assertThat(text).isEqualTo(Double.toString(value));
        }
      }
    }
  }

  @Test
  void leavesLongFractionsNegativeZeroAndHugeValuesToTheJdk() {
    JsonWriter out = new JsonWriter(8);
    assertThat(out.shortDecimal(0.1 + 0.2)).isFalse();
    assertThat(out.shortDecimal(-0.0)).isFalse();
    assertThat(out.shortDecimal(1e15)).isFalse();
    assertThat(out.position()).isZero();
  }

  @Test
  void growsPastItsInitialCapacity() {
    String longText = "x".repeat(10_000);
    assertThat(written(w -> w.string(longText))).hasSize(10_002);
  }
}
