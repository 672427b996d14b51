package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.event;
import static com.crossdeck.emulator.Batches.userEvent;
import static com.crossdeck.emulator.ErrorAssertions.assertInvalidRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Input the emulator refuses although a lenient parser would take it: anything but exactly one JSON
 * value, repeated keys, timestamps that are not whole milliseconds of a real date, lengths counted
 * in UTF-16 units, unbounded idempotency keys.
 */
class StrictInputTest {

  private static final String EMOJI = "\uD83D\uDE00"; // one code point, two UTF-16 units

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().disableRateLimit());

  private final ApiClient client = new ApiClient(emulator.timelineUrl());
  private final String valid = batch(userEvent("signup", "user_1"));

  private void assertInvalidJson(Reply reply) {
    assertInvalidRequest(reply, "invalid_json", null, null);
    assertThat(reply.error().path("message").asText())
        .doesNotContain("Exception", "com.fasterxml", "java.");
  }

  @Test
  void rejectsContentAfterTheJsonValue() {
    assertInvalidJson(client.postEvents(valid + " trailing"));
  }

  @Test
  void rejectsASecondJsonValue() {
    assertInvalidJson(client.postEvents(valid + valid));
  }

  @Test
  void rejectsARepeatedKeyInTheEnvelope() {
    assertInvalidJson(
        client.postEvents(
            "{\"events\":[{\"name\":\"a\",\"developerUserId\":\"user_1\"}],\"events\":[]}"));
  }

  @Test
  void rejectsARepeatedKeyInsideAnEventAndNamesIt() {
    Reply reply =
        client.postEvents(
            "{\"events\":[{\"name\":\"a\",\"name\":\"b\",\"developerUserId\":\"user_1\"}]}");

    assertInvalidJson(reply);
    assertThat(reply.error().path("message").asText()).contains("'name'");
  }

  @Test
  void rejectsARepeatedKeyInsideProperties() {
    assertInvalidJson(
        client.postEvents(
            "{\"events\":[{\"name\":\"a\",\"developerUserId\":\"user_1\","
                + "\"properties\":{\"plan\":\"pro\",\"plan\":\"free\"}}]}"));
  }

  @Test
  void rejectsARepeatedKeyInAnAlias() {
    assertInvalidJson(
        client.alias("{\"userId\":\"user_1\",\"userId\":\"user_2\",\"anonymousId\":\"anon_1\"}"));
  }

  @Test
  void storesNothingFromABodyWithTrailingContent() {
    client.postEvents(valid + "{}");
    client.postEvents(batch(userEvent("marker", "user_1")));

    assertThat(emulator.awaitEvents(1, Duration.ofSeconds(5)))
        .extracting(StoredEvent::name)
        .containsExactly("marker");
  }

  @Test
  void rejectsAFractionalTimestamp() {
    assertInvalidRequest(
        client.postEvents(batch(userEvent("x", "user_1").put("timestamp", 1767225600000.5))),
        "invalid_param_value",
        "timestamp",
        0);
  }

  @Test
  void rejectsATimestampWrittenWithAnExponent() {
    assertInvalidRequest(
        client.postEvents(
            "{\"events\":[{\"name\":\"x\",\"developerUserId\":\"u\",\"timestamp\":1e41}]}"),
        "invalid_param_value",
        "timestamp",
        0);
  }

  @Test
  void rejectsATimestampBeyondTheYear9999() {
    assertInvalidRequest(
        client.postEvents(batch(userEvent("x", "user_1").put("timestamp", 253_402_300_800_000L))),
        "invalid_param_value",
        "timestamp",
        0);
  }

  @Test
  void rejectsATimestampTooLargeForALong() {
    assertInvalidRequest(
        client.postEvents(
            "{\"events\":[{\"name\":\"x\",\"developerUserId\":\"u\","
                + "\"timestamp\":99999999999999999999999}]}"),
        "invalid_param_value",
        "timestamp",
        0);
  }

  @Test
  void rejectsANegativeTimestamp() {
    assertInvalidRequest(
        client.postEvents(batch(userEvent("x", "user_1").put("timestamp", -1))),
        "invalid_param_value",
        "timestamp",
        0);
  }

  @Test
  void storesTheLastMillisecondOfTheYear9999() {
    client.postEvents(batch(userEvent("x", "user_1").put("timestamp", 253_402_300_799_999L)));

    assertThat(emulator.awaitEvents(1, Duration.ofSeconds(5)))
        .extracting(StoredEvent::timestamp)
        .containsExactly(253_402_300_799_999L);
  }

  @Test
  void countsAUserIdIn256CodePointsNotUtf16Units() {
    Reply reply = client.postEvents(batch(userEvent("x", EMOJI.repeat(200))));

    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
  }

  @Test
  void rejectsAUserIdOf257CodePointsAndSaysCodePoints() {
    Reply reply = client.postEvents(batch(userEvent("x", EMOJI.repeat(257))));

    assertInvalidRequest(reply, "invalid_param_value", "developerUserId", 0);
    assertThat(reply.error().path("message").asText()).contains("256 characters");
  }

  @Test
  void countsAnEventIdInCodePoints() {
    Reply reply =
        client.postEvents(batch(userEvent("x", "user_1").put("eventId", EMOJI.repeat(256))));

    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
  }

  @Test
  void countsAliasIdsInCodePoints() {
    Reply reply =
        client.alias(
            "{\"userId\":\""
                + EMOJI.repeat(256)
                + "\",\"anonymousId\":\""
                + EMOJI.repeat(200)
                + "\"}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void acceptsAnIdempotencyKeyOf255Characters() {
    assertThat(client.postEvents(valid, "Idempotency-Key", "k".repeat(255)).status())
        .isEqualTo(202);
  }

  @Test
  void rejectsAnIdempotencyKeyLongerThan255CharactersAndNamesTheLimit() {
    Reply reply = client.postEvents(valid, "Idempotency-Key", "k".repeat(256));

    assertInvalidRequest(reply, "invalid_param_value", "Idempotency-Key", null);
    assertThat(reply.error().path("message").asText()).contains("255");
  }

  @Test
  void storesNothingUnderAnOverlongIdempotencyKey() {
    client.postEvents(valid, "Idempotency-Key", "k".repeat(60_000));

    assertThat(client.postEvents(valid, "Idempotency-Key", "k".repeat(60_000)).status())
        .isEqualTo(400);
    assertThat(emulator.storedEventCount()).isZero();
  }

  @Test
  void answersAnEventThatIsNotAnObjectWithItsIndex() {
    assertInvalidRequest(
        client.postEvents(
            "{\"events\":[" + Batches.json(event("x").put("developerUserId", "u")) + ",7]}"),
        "invalid_param_value",
        "events",
        1);
  }
}
