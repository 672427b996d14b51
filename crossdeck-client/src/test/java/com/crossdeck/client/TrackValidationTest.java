package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrackValidationTest extends MockServerTest {

  private final RecordingListener listener = new RecordingListener();

  @Test
  void rejectsAnEventWithTwoIdentityHintsWithoutThrowing() {
    CrossdeckServer client = client(options -> options.listener(listener));

    TrackResult result =
        client.track(
            Event.builder("checkout").developerUserId("user_1").anonymousId("anon_1").build());

    assertThat(result.rejected()).isTrue();
    assertThat(result.errorCode()).isEqualTo(ErrorCodes.MULTIPLE_IDENTITY_HINTS);
    assertThat(result.message())
        .contains("developerUserId", "anonymousId", "exactly one", "identify(userId, anonymousId)");
    assertThat(client.diagnostics().delivery().rejected())
        .containsEntry(ErrorCodes.MULTIPLE_IDENTITY_HINTS, 1L);
    assertThat(listener.rejected)
        .extracting(CrossdeckListener.EventRejected::code)
        .containsExactly(ErrorCodes.MULTIPLE_IDENTITY_HINTS);
  }

  @Test
  void rejectsAnEventWithNoIdentityWhenThereIsNoFallback() {
    CrossdeckServer client = client();

    TrackResult result = client.track(Event.builder("cron_ran").build());

    assertThat(result.errorCode()).isEqualTo(ErrorCodes.MISSING_IDENTITY);
    assertThat(result.message()).contains("developerUserId", "anonymousId", "crossdeckCustomerId");
    assertThat(client.diagnostics().queue().events()).isZero();
  }

  @Test
  void blankIdentityHintsCountAsAbsent() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(1));

    TrackResult result =
        client.track(Event.builder("a").developerUserId("  ").anonymousId("anon_1").build());

    assertThat(result.queued()).isTrue();
    assertThat(nextBatch().events().get(0).get("anonymousId").asText()).isEqualTo("anon_1");
  }

  @Test
  void usesTheIdentityFallbackOnlyForEventsWithoutIdentity() {
    CrossdeckServer client =
        client(
            options ->
                options
                    .eventFlushBatchSize(2)
                    .identityFallback(() -> IdentityHint.anonymousId("anon_from_request")));

    client.track(Event.builder("no_identity").build());
    client.track(Event.builder("own_identity").developerUserId("user_9").build());

    RecordedBatch batch = nextBatch();
    assertThat(batch.events().get(0).get("anonymousId").asText()).isEqualTo("anon_from_request");
    assertThat(batch.events().get(1).get("developerUserId").asText()).isEqualTo("user_9");
    assertThat(batch.events().get(1).has("anonymousId")).isFalse();
  }

  @Test
  void aFallbackThatThrowsLeavesTheEventWithoutIdentity() {
    CrossdeckServer client =
        client(
            options ->
                options.identityFallback(
                    () -> {
                      throw new IllegalStateException("no request bound");
                    }));

    assertThat(client.track(Event.builder("a").build()).errorCode())
        .isEqualTo(ErrorCodes.MISSING_IDENTITY);
  }

  @Test
  void rejectsMissingBlankAndOverlongNames() {
    CrossdeckServer client = client();

    assertThat(client.track(Event.builder(null).developerUserId("u").build()).errorCode())
        .isEqualTo(ErrorCodes.MISSING_EVENT_NAME);
    assertThat(client.track(Event.builder(" ").developerUserId("u").build()).errorCode())
        .isEqualTo(ErrorCodes.MISSING_EVENT_NAME);
    TrackResult overlong =
        client.track(Event.builder("n".repeat(257)).developerUserId("u").build());
    assertThat(overlong.errorCode()).isEqualTo(ErrorCodes.EVENT_NAME_TOO_LONG);
    assertThat(overlong.message()).contains("257", "256");
    assertThat(client.track(null).errorCode()).isEqualTo(ErrorCodes.MISSING_EVENT_NAME);
  }

  @Test
  void rejectsAnIdentityLongerThan256CharactersNamingTheField() {
    CrossdeckServer client = client();

    TrackResult result =
        client.track(Event.builder("a").crossdeckCustomerId("c".repeat(257)).build());

    assertThat(result.errorCode()).isEqualTo(ErrorCodes.INVALID_IDENTITY);
    assertThat(result.message()).contains("crossdeckCustomerId", "257", "256");
  }

  @Test
  void acceptsAnIdentityOfExactly256Characters() {
    CrossdeckServer client = client();

    assertThat(client.track(Event.builder("a").developerUserId("u".repeat(256)).build()).queued())
        .isTrue();
  }

  @Test
  void rejectsAnEventIdLongerThan256Characters() {
    CrossdeckServer client = client();

    TrackResult result =
        client.track(Event.builder("a").developerUserId("u").eventId("e".repeat(300)).build());

    assertThat(result.errorCode()).isEqualTo(ErrorCodes.INVALID_EVENT_ID);
  }

  @Test
  void rejectsATimestampTheApiCannotCarryInsteadOfReplacingIt() {
    CrossdeckServer client = client();

    TrackResult minimum =
        client.track(Event.builder("a").developerUserId("u").timestamp(Long.MIN_VALUE).build());
    TrackResult farFuture =
        client.track(
            Event.builder("a").developerUserId("u").timestamp(8_640_000_000_000_001L).build());

    assertThat(minimum.errorCode()).isEqualTo(ErrorCodes.INVALID_TIMESTAMP);
    assertThat(minimum.message()).contains("timestamp", "8640000000000000");
    assertThat(farFuture.errorCode()).isEqualTo(ErrorCodes.INVALID_TIMESTAMP);
  }

  @Test
  void sendsTheEarliestAndLatestTimestampsTheApiCarries() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(2));

    client.track(
        Event.builder("first").developerUserId("u").timestamp(-8_640_000_000_000_000L).build());
    client.track(
        Event.builder("last").developerUserId("u").timestamp(8_640_000_000_000_000L).build());

    RecordedBatch batch = nextBatch();
    assertThat(batch.events().get(0).get("timestamp").asLong()).isEqualTo(-8_640_000_000_000_000L);
    assertThat(batch.events().get(1).get("timestamp").asLong()).isEqualTo(8_640_000_000_000_000L);
  }

  @Test
  void refusesEventsAfterClose() {
    CrossdeckServer client = client();
    client.close(Duration.ZERO);

    assertThatCode(() -> client.track(userEvent("late"))).doesNotThrowAnyException();
    assertThat(client.track(userEvent("late")).errorCode()).isEqualTo(ErrorCodes.CLIENT_CLOSED);
  }

  @Test
  void aRejectedEventDoesNotAffectTheOthersInTheBatch() {
    CrossdeckServer client = client(options -> options.eventFlushBatchSize(2));

    client.track(userEvent("good_1"));
    client.track(Event.builder("bad").build());
    client.track(userEvent("good_2"));

    assertThat(nextBatch().eventNames()).containsExactly("good_1", "good_2");
  }
}
