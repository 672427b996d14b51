package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.anonymousEvent;
import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.event;
import static com.crossdeck.emulator.Batches.userEvent;
import static com.crossdeck.emulator.ErrorAssertions.assertInvalidRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventValidationTest {

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().disableRateLimit());

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  private static ObjectNode valid(int i) {
    return userEvent("event_" + i, "user_1");
  }

  private static ObjectNode[] events(int count) {
    return IntStream.range(0, count)
        .mapToObj(EventValidationTest::valid)
        .toArray(ObjectNode[]::new);
  }

  @Test
  void acceptsValidBatchWith202ListingReceivedCountAndEnvironment() {
    Reply reply = client.postEvents(batch(events(3)));

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().path("object").asText()).isEqualTo("list");
    assertThat(reply.json().path("received").intValue()).isEqualTo(3);
    assertThat(reply.json().path("env").asText()).isEqualTo("sandbox");
  }

  @Test
  void acceptsBatchOfOneHundredEvents() {
    assertThat(client.postEvents(batch(events(100))).status()).isEqualTo(202);
  }

  @Test
  void rejectsBatchOfMoreThanOneHundredEventsWithParamEvents() {
    assertInvalidRequest(
        client.postEvents(batch(events(101))), "invalid_param_value", "events", null);
  }

  @Test
  void rejectsEmptyBatchWithParamEvents() {
    assertInvalidRequest(client.postEvents(batch()), "invalid_param_value", "events", null);
  }

  @Test
  void rejectsBodyWithoutEventsArrayWithParamEvents() {
    assertInvalidRequest(
        client.postEvents("{\"events\":{\"name\":\"x\"}}"), "invalid_param_value", "events", null);
  }

  @Test
  void rejectsMalformedJsonAsInvalidJson() {
    assertInvalidRequest(client.postEvents("{\"events\": ["), "invalid_json", null, null);
  }

  @Test
  void rejectsEventThatIsNotAnObjectWithItsIndex() {
    String body = "{\"events\":[{\"name\":\"ok\",\"developerUserId\":\"u\"},\"oops\"]}";

    assertInvalidRequest(client.postEvents(body), "invalid_param_value", "events", 1);
  }

  @Test
  void rejectsMissingNameWithIndexAndParam() {
    Reply reply =
        client.postEvents(batch(valid(0), valid(1), anonymousEvent("x", "anon_1").without("name")));

    assertInvalidRequest(reply, "missing_required_param", "name", 2);
  }

  @Test
  void rejectsEmptyNameAsMissing() {
    assertInvalidRequest(
        client.postEvents(batch(userEvent("", "user_1"))), "missing_required_param", "name", 0);
  }

  @Test
  void rejectsNonStringNameAsInvalidValue() {
    ObjectNode event = userEvent("x", "user_1").put("name", 42);

    assertInvalidRequest(client.postEvents(batch(event)), "invalid_param_value", "name", 0);
  }

  @Test
  void rejectsEventWithoutIdentityHintWithIndexAndParam() {
    Reply reply = client.postEvents(batch(valid(0), event("orphan")));

    assertInvalidRequest(reply, "missing_identity_hint", "developerUserId", 1);
  }

  @Test
  void acceptsAnEventWithSeveralHintsAsTheWebSdkSendsThem() {
    ObjectNode webEvent = userEvent("x", "user_1").put("anonymousId", "anon_1");

    assertThat(client.postEvents(batch(valid(0), webEvent)).status()).isEqualTo(202);
  }

  @Test
  void rejectsEmptyIdentityWithItsField() {
    assertInvalidRequest(
        client.postEvents(batch(anonymousEvent("x", ""))), "invalid_param_value", "anonymousId", 0);
  }

  @Test
  void rejectsIdentityLongerThan256Characters() {
    assertInvalidRequest(
        client.postEvents(batch(userEvent("x", "u".repeat(257)))),
        "invalid_param_value",
        "developerUserId",
        0);
  }

  @Test
  void acceptsIdentityOf256Characters() {
    assertThat(client.postEvents(batch(userEvent("x", "u".repeat(256)))).status()).isEqualTo(202);
  }

  @Test
  void rejectsNonStringIdentity() {
    ObjectNode event = event("x").put("crossdeckCustomerId", 7);

    assertInvalidRequest(
        client.postEvents(batch(event)), "invalid_param_value", "crossdeckCustomerId", 0);
  }

  @Test
  void rejectsPropertiesThatAreNotAnObject() {
    ObjectNode event = valid(0);
    event.putArray("properties").add(1);

    assertInvalidRequest(client.postEvents(batch(event)), "invalid_param_value", "properties", 0);
  }

  @Test
  void acceptsPropertiesOfExactly8192BytesOfJson() {
    ObjectNode event = valid(0);
    event.putObject("properties").put("p", "x".repeat(8192 - "{\"p\":\"\"}".length()));

    assertThat(client.postEvents(batch(event)).status()).isEqualTo(202);
  }

  @Test
  void rejectsPropertiesOver8192BytesAsPropertiesTooLarge() {
    ObjectNode event = valid(1);
    event.putObject("properties").put("p", "x".repeat(8193 - "{\"p\":\"\"}".length()));

    assertInvalidRequest(
        client.postEvents(batch(valid(0), event)), "properties_too_large", "properties", 1);
  }

  @Test
  void measuresPropertiesInUtf8Bytes() {
    ObjectNode event = valid(0);
    event.putObject("properties").put("p", "é".repeat(4100));

    assertInvalidRequest(client.postEvents(batch(event)), "properties_too_large", "properties", 0);
  }

  @Test
  void rejectsEmptyEventId() {
    assertInvalidRequest(
        client.postEvents(batch(valid(0).put("eventId", ""))), "invalid_param_value", "eventId", 0);
  }

  @Test
  void rejectsEventIdLongerThan256Characters() {
    assertInvalidRequest(
        client.postEvents(batch(valid(0).put("eventId", "e".repeat(257)))),
        "invalid_param_value",
        "eventId",
        0);
  }

  @Test
  void rejectsNonNumericTimestamp() {
    assertInvalidRequest(
        client.postEvents(batch(valid(0).put("timestamp", "2026-01-01T00:00:00Z"))),
        "invalid_param_value",
        "timestamp",
        0);
  }

  @Test
  void reportsOnlyTheFirstFailingEvent() {
    Reply reply = client.postEvents(batch(valid(0), event("no_hint"), userEvent("", "user_1")));

    assertInvalidRequest(reply, "missing_identity_hint", "developerUserId", 1);
  }

  @Test
  void storesNothingFromARejectedBatch() {
    client.postEvents(batch(valid(0), valid(1), event("no_hint")));
    client.postEvents(batch(userEvent("marker", "user_2")));

    assertThat(emulator.awaitEvents(1, Duration.ofSeconds(5)))
        .extracting(StoredEvent::name)
        .containsExactly("marker");
  }

  @Test
  void treatsJsonNullOptionalFieldsAsAbsent() {
    ObjectNode event = userEvent("signup", "user_1");
    event.putNull("anonymousId").putNull("crossdeckCustomerId").putNull("eventId");
    event.putNull("timestamp").putNull("properties");

    assertThat(client.postEvents(batch(event)).status()).isEqualTo(202);
  }

  @Test
  void storesEventsWithTheirFieldsAsSent() {
    ObjectNode event = userEvent("checkout.completed", "user_847").put("eventId", "evt_fixed_1");
    event.put("timestamp", 1_767_225_600_000L).putObject("properties").put("plan", "pro");

    client.postEvents(batch(event), "Idempotency-Key", "batch_abc");

    StoredEvent stored = emulator.awaitEvents(1, Duration.ofSeconds(5)).get(0);
    assertThat(stored.eventId()).isEqualTo("evt_fixed_1");
    assertThat(stored.name()).isEqualTo("checkout.completed");
    assertThat(stored.timestamp()).isEqualTo(1_767_225_600_000L);
    assertThat(stored.identity())
        .isEqualTo(new IdentityHint(IdentityHint.Type.DEVELOPER_USER_ID, "user_847"));
    assertThat(stored.customerId()).startsWith("cdcust_");
    assertThat(stored.properties()).containsEntry("plan", "pro");
    assertThat(stored.environment()).isEqualTo(Environment.SANDBOX);
    assertThat(stored.idempotencyKey()).isEqualTo("batch_abc");
  }

  @Test
  void assignsEventIdAndReceiveTimeWhenMissing() {
    long before = System.currentTimeMillis();
    client.postEvents(batch(userEvent("signup", "user_1")));

    StoredEvent stored = emulator.awaitEvents(1, Duration.ofSeconds(5)).get(0);
    assertThat(stored.eventId()).startsWith("evt_");
    assertThat(stored.timestamp()).isBetween(before, System.currentTimeMillis());
    assertThat(stored.timestamp()).isEqualTo(stored.receivedAt().toEpochMilli());
  }
}
