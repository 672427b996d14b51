package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.StoredEvent;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Entitlements and erasure against the emulator: the client's calls and the emulator's answers
 * (extended contract §2–§4) agree, and what one client changes another reads.
 */
class EntitlementsEndToEndTest {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final List<CrossdeckServer> clients = new ArrayList<>();

  private CrossdeckServer client() {
    CrossdeckServer client =
        CrossdeckServer.builder(CrossdeckEmulator.TEST_SECRET_KEY)
            .baseUrl(emulator.baseUrl())
            .flushOnExit(false)
            .build();
    clients.add(client);
    return client;
  }

  @AfterEach
  void closeClients() {
    clients.forEach(client -> client.close(Duration.ofSeconds(5)));
  }

  @Test
  void aGrantIsEntitledAtOnceHereAndAfterOneReadElsewhereAndARevocationUndoesBoth() {
    IdentityHints user = IdentityHints.forUser("user_e2e_grant");
    CrossdeckServer admin = client();
    CrossdeckServer otherInstance = client();
    String customerId = admin.entitlements().get(user).crossdeckCustomerId();
    assertThat(otherInstance.entitlements().get(user).entitlements()).isEmpty();

    EntitlementMutation granted =
        admin
            .entitlements()
            .grant(EntitlementGrant.forPeriod(customerId, "pro", Period.ofDays(30), "support"));

    assertThat(granted.crossdeckCustomerId()).isEqualTo(customerId);
    assertThat(emulator.entitlements("user_e2e_grant"))
        .singleElement()
        .satisfies(stored -> assertThat(stored.active()).isTrue());
    assertThat(admin.entitlements().isEntitled(user, "pro")).as("the granting client").isTrue();
    assertThat(otherInstance.entitlements().isEntitled(user, "pro"))
        .as("another instance, before it asks")
        .isFalse();
    otherInstance.entitlements().warm(user);
    assertThat(otherInstance.entitlements().isEntitled(user, "pro"))
        .as("another instance answers from its cache until the TTL passes")
        .isFalse();
    otherInstance.entitlements().get(user);
    assertThat(otherInstance.entitlements().isEntitled(user, "pro"))
        .as("another instance, after one read from Crossdeck")
        .isTrue();

    admin.entitlements().revoke(new EntitlementRevoke(customerId, "pro", "refunded"));

    assertThat(admin.entitlements().isEntitled(user, "pro")).isFalse();
    otherInstance.entitlements().get(user);
    assertThat(otherInstance.entitlements().isEntitled(user, "pro")).isFalse();
    assertThat(emulator.auditEntries()).hasSize(2);
  }

  @Test
  void forgetErasesTheTimelineAndTheLocalCacheAndTheNextEventStartsANewCustomer() {
    CrossdeckServer crossdeck = client();
    IdentityHints user = IdentityHints.forUser("user_e2e_forget");
    for (int i = 0; i < 3; i++) {
      crossdeck.track(Event.builder("page_viewed").developerUserId("user_e2e_forget").build());
    }
    crossdeck.flush(Duration.ofSeconds(10));
    String erased = emulator.customerId("user_e2e_forget").orElseThrow();
    assertThat(emulator.timeline("user_e2e_forget")).hasSize(3);
    crossdeck.entitlements().grant(EntitlementGrant.lifetime(erased, "pro", "beta tester"));
    crossdeck.entitlements().get(user);
    assertThat(crossdeck.entitlements().isEntitled(user, "pro")).isTrue();

    ForgetResult result = crossdeck.forget(user);

    assertThat(result.crossdeckCustomerId()).isEqualTo(erased);
    assertThat(emulator.timeline("user_e2e_forget")).isEmpty();
    assertThat(emulator.customerId("user_e2e_forget")).isEmpty();
    assertThat(emulator.entitlements("user_e2e_forget")).isEmpty();
    assertThat(crossdeck.entitlements().isEntitled(user, "pro")).as("the local cache").isFalse();
    assertThat(crossdeck.entitlements().isEntitled(erased, "pro")).isFalse();

    crossdeck.track(Event.builder("signed_up").developerUserId("user_e2e_forget").build());
    crossdeck.flush(Duration.ofSeconds(10));

    String fresh = emulator.customerId("user_e2e_forget").orElseThrow();
    assertThat(fresh).isNotEqualTo(erased);
    assertThat(emulator.timeline("user_e2e_forget"))
        .extracting(StoredEvent::name)
        .containsExactly("signed_up");
  }

  @Test
  void forgetDeliversTheEventsQueuedBeforeItSoNoneOfThemOutlivesTheErasure() {
    CrossdeckServer crossdeck = client();
    crossdeck.track(Event.builder("checkout_started").developerUserId("user_e2e_queued").build());

    crossdeck.forget(IdentityHints.forUser("user_e2e_queued"));
    crossdeck.flush(Duration.ofSeconds(10));

    assertThat(emulator.customerId("user_e2e_queued")).isEmpty();
    assertThat(emulator.timeline("user_e2e_queued")).isEmpty();
  }
}
