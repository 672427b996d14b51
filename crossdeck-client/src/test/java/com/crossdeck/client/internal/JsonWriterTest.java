package com.crossdeck.client.internal;

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
  void growsPastItsInitialCapacity() {
    String longText = "x".repeat(10_000);
    assertThat(written(w -> w.string(longText))).hasSize(10_002);
  }
}
