package com.crossdeck.client;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.crossdeck.client.internal.delivery.EventIntake;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
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
  void saysHowToGiveAnEventAnIdentity() {
    CrossdeckServer client = client();

    TrackResult result = client.track(Event.builder("cron_ran").build());

    assertThat(result.message())
        .startsWith("Event 'cron_ran' has no identity hint")
        .contains("Event.builder(name).developerUserId(userId)", "identityFallback");
  }

  @Test
  void endsAMissingIdentityMessageWithTheAdviceTheBuilderWasGiven() {
    List<ILoggingEvent> logged = new ArrayList<>();
    CrossdeckServer client =
        client(options -> options.missingIdentityAdvice("Sign the user in first."));

    TrackResult result;
    try (LogCapture logs = LogCapture.of(EventIntake.class)) {
      result = client.track(Event.builder("cart_viewed").build());
      logged.addAll(logs.lines());
    }

    assertThat(result.message())
        .startsWith("Event 'cart_viewed' has no identity hint")
        .endsWith(" Sign the user in first.")
        .doesNotContain("identityFallback");
    assertThat(logged)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .contains(result.message());
  }

  @Test
  void keepsTheAdviceOutOfOtherRejections() {
    CrossdeckServer client =
        client(options -> options.missingIdentityAdvice("Sign the user in first."));

    assertThat(
            client
                .track(Event.builder("a").developerUserId("u").anonymousId("anon_1").build())
                .message())
        .doesNotContain("Sign the user in first.");
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
