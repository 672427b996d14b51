package com.crossdeck.client.internal.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertiesWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final EventEncoder.Encoding encoding = new EventEncoder().forCurrentThread();

  @Test
  void aBagOfExactly8192BytesIsLeftAlone() throws Exception {
    Map<String, Object> bag = new LinkedHashMap<>();
    String key = "k";
    int overhead = "{\"k\":\"\"}".length();
    bag.put(key, "v".repeat(8192 - overhead));

    byte[] encoded = encoding.encodeProperties(bag);

    assertThat(encoded).hasSize(8192);
    assertThat(encoding.truncated()).isFalse();
    assertThat(JSON.readTree(encoded).get("k").asText()).hasSize(8192 - overhead);
  }

  @Test
  void oneByteMoreRemovesTheLargestKeyAndMarksTheBag() throws Exception {
    Map<String, Object> bag = new LinkedHashMap<>();
    bag.put("a", "v".repeat(8192 - "{\"a\":\"\",\"b\":1}".length() + 1));
    bag.put("b", 1);

    byte[] encoded = encoding.encodeProperties(bag);

    JsonNode tree = JSON.readTree(encoded);
    assertThat(encoding.truncated()).isTrue();
    assertThat(tree.has("a")).isFalse();
    assertThat(tree.get("b").asInt()).isEqualTo(1);
    assertThat(tree.get("__truncated").asBoolean()).isTrue();
  }

  @Test
  void theTruncatedBagIncludingItsMarkerNeverExceeds8192Bytes() throws Exception {
    Map<String, Object> bag = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      bag.put("key" + i, "x".repeat(80 + i));
    }

    byte[] encoded = encoding.encodeProperties(bag);

    assertThat(encoded.length).isLessThanOrEqualTo(8192);
    JsonNode tree = JSON.readTree(encoded);
    assertThat(tree.has("key0")).as("smallest keys survive").isTrue();
    assertThat(tree.has("key99")).as("largest keys go first").isFalse();
    assertThat(tree.get("__truncated").asBoolean()).isTrue();
  }

  @Test
  void keepsTheOriginalOrderOfTheSurvivingKeys() throws Exception {
    Map<String, Object> bag = new LinkedHashMap<>();
    bag.put("first", 1);
    bag.put("huge", "h".repeat(9000));
    bag.put("last", 2);

    JsonNode tree = JSON.readTree(encoding.encodeProperties(bag));

    assertThat(tree.fieldNames()).toIterable().containsExactly("first", "last", "__truncated");
  }

  @Test
  void dropsANullKeyAndCountsIt() throws Exception {
    Map<String, Object> bag = new LinkedHashMap<>();
    bag.put(null, 1);
    bag.put("kept", 2);

    JsonNode tree = JSON.readTree(encoding.encodeProperties(bag));

    assertThat(tree.size()).isEqualTo(1);
    assertThat(encoding.droppedKeys()).isEqualTo(1);
  }
}
