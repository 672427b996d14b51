package com.crossdeck.sample.renewals;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The renewal job against an emulator, without Spring: runs repeated, lost and a month apart. */
class RenewalJobTests {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  final MovableClock clock = new MovableClock(Instant.parse("2026-03-15T09:00:00Z"));

  final CrossdeckServer crossdeck =
      CrossdeckServer.builder(CrossdeckEmulator.TEST_SECRET_KEY)
          .baseUrl(emulator.baseUrl())
          .bootHeartbeat(false)
          .flushOnExit(false)
          .build();

  @AfterEach
  void closeClient() {
    crossdeck.close();
  }

  @Test
  void tracksEachDueRenewalForItsSubscriberWithAStableEventId() {
    new RenewalJob(new SubscriptionStore(clock), crossdeck).run();

    assertThat(emulator.events())
        .extracting(StoredEvent::eventId, event -> event.identity().value())
        .containsExactly(
            Tuple.tuple("renewal_sub_ada_pro_3", "user_ada"),
            Tuple.tuple("renewal_sub_grace_starter_7", "user_grace"));
  }

  @Test
  void aRunRepeatedAfterItsBookkeepingWasLostStoresEachRenewalOnce() {
    new RenewalJob(new SubscriptionStore(clock), crossdeck).run();
    // The process died before the renewals were recorded: the next run starts from the old state.
    new RenewalJob(new SubscriptionStore(clock), crossdeck).run();

    assertThat(emulator.events())
        .extracting(StoredEvent::eventId)
        .containsExactly("renewal_sub_ada_pro_3", "renewal_sub_grace_starter_7");
    assertThat(emulator.duplicatesIgnored()).isEqualTo(2);
  }

  @Test
  void aMonthLaterTheNextCycleIsRenewed() {
    RenewalJob job = new RenewalJob(new SubscriptionStore(clock), crossdeck);
    job.run();

    clock.advanceDays(31);
    job.run();

    assertThat(emulator.timeline("user_ada"))
        .extracting(StoredEvent::eventId)
        .containsExactly("renewal_sub_ada_pro_3", "renewal_sub_ada_pro_4");
    assertThat(emulator.timeline("user_linus"))
        .extracting(StoredEvent::eventId)
        .containsExactly("renewal_sub_linus_team_1");
  }

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {

    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advanceDays(int days) {
      now = now.plusSeconds(days * 86_400L);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
