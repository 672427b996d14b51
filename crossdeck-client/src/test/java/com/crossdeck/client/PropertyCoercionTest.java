package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PropertyCoercionTest extends MockServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Plan(String name, int seats, Instant renewsAt) {}

  /** A bean whose getter fails, like a lazy-loading entity outside its session. */
  public static final class ExplodingBean {
    public String getValue() {
      throw new IllegalStateException("no session");
    }
  }

  private JsonNode trackAndReadProperties(Event event) {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1));
    assertThat(client.track(event).queued()).isTrue();
    return nextBatch().events().get(0).get("properties");
  }

  private static Event.Builder event() {
    return Event.builder("coerced").developerUserId("user_1");
  }

  @Test
  void writesDatesAndTimesAsIso8601() {
    JsonNode properties =
        trackAndReadProperties(
            event()
                .property("instant", Instant.parse("2026-03-01T12:00:00Z"))
                .property("date", Date.from(Instant.parse("2026-03-01T12:00:00.123Z")))
                .property(
                    "zoned", ZonedDateTime.of(2026, 3, 1, 13, 0, 0, 0, ZoneId.of("Europe/Paris")))
                .property("offset", OffsetDateTime.parse("2026-03-01T12:00:00+02:00"))
                .property("day", LocalDate.of(2026, 3, 1))
                .build());

    assertThat(properties.get("instant").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(properties.get("date").asText()).isEqualTo("2026-03-01T12:00:00.123Z");
    assertThat(properties.get("zoned").asText()).isEqualTo("2026-03-01T13:00:00+01:00");
    assertThat(properties.get("offset").asText()).isEqualTo("2026-03-01T12:00:00+02:00");
    assertThat(properties.get("day").asText()).isEqualTo("2026-03-01");
  }

  @Test
  void writesBigDecimalsExactly() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1));
    client.track(
        event().property("amount", new BigDecimal("12345678901234567890.123456789")).build());

    String body = nextBatch().request().getBody().string(StandardCharsets.UTF_8);
    assertThat(body).contains("\"amount\":12345678901234567890.123456789");
  }

  @Test
  void writesNaNAndInfinityAsNull() {
    JsonNode properties =
        trackAndReadProperties(
            event()
                .property("nan", Double.NaN)
                .property("inf", Double.POSITIVE_INFINITY)
                .property("negInf", Float.NEGATIVE_INFINITY)
                .property("ok", 1.5)
                .build());

    assertThat(properties.get("nan").isNull()).isTrue();
    assertThat(properties.get("inf").isNull()).isTrue();
    assertThat(properties.get("negInf").isNull()).isTrue();
    assertThat(properties.get("ok").asDouble()).isEqualTo(1.5);
  }

  @Test
  void unwrapsOptionals() {
    JsonNode properties =
        trackAndReadProperties(
            event()
                .property("present", Optional.of("x"))
                .property("empty", Optional.empty())
                .build());

    assertThat(properties.get("present").asText()).isEqualTo("x");
    assertThat(properties.get("empty").isNull()).isTrue();
  }

  @Test
  void writesRecordsAndCollectionsThroughToJson() {
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    JsonNode properties =
        trackAndReadProperties(
            event()
                .property("plan", new Plan("pro", 5, Instant.parse("2026-04-01T00:00:00Z")))
                .property("tags", List.of("a", "b"))
                .property("matrix", new int[][] {{1, 2}, {3}})
                .property("id", id)
                .property("nested", Map.of("k", List.of(Map.of("deep", true))))
                .build());

    assertThat(properties.get("plan").get("name").asText()).isEqualTo("pro");
    assertThat(properties.get("plan").get("seats").asInt()).isEqualTo(5);
    assertThat(properties.get("plan").get("renewsAt").asText()).isEqualTo("2026-04-01T00:00:00Z");
    assertThat(properties.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(properties.get("matrix").toString()).isEqualTo("[[1,2],[3]]");
    assertThat(properties.get("id").asText()).isEqualTo(id.toString());
    assertThat(properties.get("nested").get("k").get(0).get("deep").asBoolean()).isTrue();
  }

  @Test
  void replacesCyclesWithCircular() {
    Map<String, Object> node = new HashMap<>();
    node.put("self", node);
    List<Object> list = new ArrayList<>();
    list.add(list);

    JsonNode properties =
        trackAndReadProperties(event().property("node", node).property("list", list).build());

    assertThat(properties.get("node").get("self").asText()).isEqualTo("[circular]");
    assertThat(properties.get("list").get(0).asText()).isEqualTo("[circular]");
  }

  @Test
  void aSharedButAcyclicValueIsWrittenBothTimes() {
    Map<String, Object> shared = Map.of("v", 1);

    JsonNode properties =
        trackAndReadProperties(event().property("a", shared).property("b", shared).build());

    assertThat(properties.get("a").get("v").asInt()).isEqualTo(1);
    assertThat(properties.get("b").get("v").asInt()).isEqualTo(1);
  }

  @Test
  void replacesValuesNestedDeeperThanFiveLevels() {
    Object deep = "bottom";
    for (int i = 0; i < 7; i++) {
      deep = Map.of("l" + (6 - i), deep);
    }

    JsonNode properties = trackAndReadProperties(event().property("root", deep).build());

    JsonNode level = properties.get("root");
    for (int i = 0; i < 5; i++) {
      level = level.get("l" + i);
    }
    assertThat(level.get("l5").asText()).isEqualTo("[depth-exceeded]");
  }

  @Test
  void dropsOnlyTheKeyWhoseValueCannotBeConvertedAndCountsIt() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1));

    TrackResult result =
        client.track(
            event()
                .property("before", 1)
                .property("bad", new ExplodingBean())
                .property("after", 2)
                .build());

    JsonNode properties = nextBatch().events().get(0).get("properties");
    assertThat(result.queued()).isTrue();
    assertThat(properties.has("bad")).isFalse();
    assertThat(properties.get("before").asInt()).isEqualTo(1);
    assertThat(properties.get("after").asInt()).isEqualTo(2);
    assertThat(client.diagnostics().delivery().droppedPropertyValues()).isEqualTo(1);
  }

  @Test
  void truncatesPropertiesOver8KilobytesByDroppingTheLargestKeys() throws Exception {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("plan", "pro");
    properties.put("big", "b".repeat(6000));
    properties.put("bigger", "c".repeat(7000));
    properties.put("small", 42);

    client.track(event().properties(properties).build());

    JsonNode sent = nextBatch().events().get(0).get("properties");
    assertThat(sent.has("bigger")).isFalse();
    assertThat(sent.get("big").asText()).hasSize(6000);
    assertThat(sent.get("plan").asText()).isEqualTo("pro");
    assertThat(sent.get("small").asInt()).isEqualTo(42);
    assertThat(sent.get("__truncated").asBoolean()).isTrue();
    assertThat(JSON.writeValueAsBytes(sent).length).isLessThanOrEqualTo(8192);
    assertThat(client.diagnostics().delivery().truncated()).isEqualTo(1);
  }

  @Test
  void anEndlessIterableStopsAtThePropertyBudgetWithBoundedAllocation() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1));
    Event event = event().property("endless", endless()).property("kept", "yes").build();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    TrackResult result =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> client.track(event));
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

    assertThat(result.queued()).isTrue();
    JsonNode properties = nextBatch().events().get(0).get("properties");
    assertThat(properties.has("endless")).isFalse();
    assertThat(properties.get("kept").asText()).isEqualTo("yes");
    assertThat(properties.get("__truncated").asBoolean()).isTrue();
    assertThat(allocated).as("bytes allocated by track()").isLessThan(2L * 1024 * 1024);
  }

  @Test
  void aHugeCollectionCostsNoMoreThanThePropertyBudget() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1));
    int[] huge = new int[50_000_000];
    String fiftyMegabytes = "x".repeat(50_000_000);

    TrackResult result =
        client.track(event().property("array", huge).property("text", fiftyMegabytes).build());

    assertThat(result.queued()).isTrue();
    JsonNode properties = nextBatch().events().get(0).get("properties");
    assertThat(properties.has("array")).isFalse();
    assertThat(properties.has("text")).isFalse();
    assertThat(properties.get("__truncated").asBoolean()).isTrue();
    assertThat(client.diagnostics().delivery().truncated()).isEqualTo(1);
  }

  @Test
  void aNumberLongerThanAJsonParserAcceptsIsSentAsAStringOfItsDigits() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1));
    BigInteger digits1205 = new BigInteger("7".repeat(1205));
    BigDecimal long101 = new BigDecimal("1." + "5".repeat(99));
    BigDecimal exactly100 = new BigDecimal("2." + "5".repeat(98));

    client.track(
        event()
            .property("huge", digits1205)
            .property("long", long101)
            .property("fits", exactly100)
            .build());

    String body = nextBatch().request().getBody().string(StandardCharsets.UTF_8);
    assertThat(body)
        .contains("\"huge\":\"" + "7".repeat(1205) + "\"")
        .contains("\"long\":\"1." + "5".repeat(99) + "\"")
        .contains("\"fits\":2." + "5".repeat(98));
  }

  @Test
  void aNumberTooLongForAnyPropertyBagIsCutWithoutComputingItsDigits() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1));
    BigInteger tenMillionBits = BigInteger.ONE.shiftLeft(10_000_000);

    TrackResult result =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> client.track(event().property("huge", tenMillionBits).build()));

    assertThat(result.queued()).isTrue();
    JsonNode properties = nextBatch().events().get(0).get("properties");
    assertThat(properties.has("huge")).isFalse();
    assertThat(properties.get("__truncated").asBoolean()).isTrue();
  }

  /** A bean whose getter never ends, like a lazily generated sequence. */
  public static final class EndlessBean {
    public Iterable<Integer> getValues() {
      return endless();
    }
  }

  /** An iterable that never ends, as a generated sequence or a cyclic iterator does. */
  private static Iterable<Integer> endless() {
    return () -> java.util.stream.Stream.iterate(1, i -> i).iterator();
  }

  @Test
  void aBeanWithAnEndlessGetterStopsAtThePropertyBudget() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1));

    TrackResult result =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> client.track(event().property("bean", new EndlessBean()).build()));

    assertThat(result.queued()).isTrue();
    JsonNode properties = nextBatch().events().get(0).get("properties");
    assertThat(properties.has("bean")).isFalse();
    assertThat(properties.get("__truncated").asBoolean()).isTrue();
  }

  @Test
  void changingTheCallersMapAfterTrackDoesNotChangeTheQueuedEvent() {
    CrossdeckServer client =
        client(
            options -> options.eventFlushBatchSize(10).eventFlushInterval(Duration.ofMinutes(1)));
    Map<String, Object> properties = new HashMap<>();
    properties.put("plan", "free");
    Event event = event().properties(properties).build();

    client.track(event);
    properties.put("plan", "pro");
    client.flush(Duration.ofSeconds(5));

    assertThat(nextBatch().events().get(0).get("properties").get("plan").asText())
        .isEqualTo("free");
  }

  @Test
  void escapesStringsAndKeepsUnicode() {
    JsonNode properties =
        trackAndReadProperties(
            event()
                .property("quote", "say \"hi\"\n\tnow\\")
                .property("emoji", "caf\u00e9 \ud83d\ude80")
                .property("control", "\u0001")
                .property("lone", "\ud800x")
                .build());

    assertThat(properties.get("quote").asText()).isEqualTo("say \"hi\"\n\tnow\\");
    assertThat(properties.get("emoji").asText()).isEqualTo("caf\u00e9 \ud83d\ude80");
    assertThat(properties.get("control").asText()).isEqualTo("\u0001");
    assertThat(properties.get("lone").asText()).isEqualTo("\ufffdx");
  }
}
