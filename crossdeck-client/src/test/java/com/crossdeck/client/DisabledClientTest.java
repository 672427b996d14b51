package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisabledClientTest {

  @Test
  void acceptsEverythingAndSendsNothing() {
    try (CrossdeckServer client = CrossdeckServer.disabled()) {
      assertThat(client.isEnabled()).isFalse();
      assertThat(client.track(Event.builder("a").developerUserId("u").build()).queued()).isTrue();
      assertThat(client.flush(Duration.ofSeconds(1)).completed()).isTrue();
      assertThat(client.identify("user_1", "anon_1").linked()).isEmpty();
      assertThat(client.toString()).contains("disabled");
    }
  }

  @Test
  void acceptsEventsAnEnabledClientWouldRejectWithoutLoggingOrCountingThem() {
    List<CrossdeckListener.EventRejected> rejections = new ArrayList<>();
    List<ILoggingEvent> logged;
    try (LogCapture logs = LogCapture.all();
        CrossdeckServer client = CrossdeckServer.disabled()) {
      client.addListener(
          new CrossdeckListener() {
            @Override
            public void onEventRejected(EventRejected event) {
              rejections.add(event);
            }
          });
      List<TrackResult> results =
          List.of(
              client.track(Event.builder("no_identity").build()),
              client.track(Event.builder("two_ids").developerUserId("u").anonymousId("a").build()),
              client.track(Event.builder(" ").developerUserId("u").build()),
              client.track(null),
              client.captureError(new IllegalStateException("boom")));

      assertThat(results).allSatisfy(result -> assertThat(result.queued()).isTrue());
      assertThat(results).extracting(TrackResult::eventId).doesNotContainNull();
      Diagnostics.Delivery delivery = client.diagnostics().delivery();
      assertThat(delivery.accepted()).isZero();
      assertThat(delivery.rejected()).isEmpty();
      assertThat(client.diagnostics().queue().events()).isZero();
      assertThat(rejections).isEmpty();
      logged = logs.lines();
    }
    assertThat(logged)
        .filteredOn(line -> line.getLevel().isGreaterOrEqual(Level.INFO))
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
  }

  @Test
  void keepsTheCallersEventId() {
    try (CrossdeckServer client = CrossdeckServer.disabled()) {
      assertThat(client.track(Event.builder("a").eventId("stripe_evt_1").build()).eventId())
          .isEqualTo("stripe_evt_1");
    }
  }
}
