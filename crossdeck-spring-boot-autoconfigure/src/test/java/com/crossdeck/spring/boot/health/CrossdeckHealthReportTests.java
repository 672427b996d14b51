package com.crossdeck.spring.boot.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHints;
import com.crossdeck.client.outbox.OutboxOptions;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.spring.EmulatorClients;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class CrossdeckHealthReportTests {

  private static final String REVOKED_KEY = "cd_sk_test_revoked";

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().revokedKeys(REVOKED_KEY));

  private CrossdeckServer client = EmulatorClients.client(emulator.get());

  @AfterEach
  void closeClient() {
    client.close(Duration.ZERO);
  }

  @Test
  void reportsUpWithTheClientsDiagnosticsAndTheStartersDetails() {
    client.track(Event.builder("plan_upgraded").developerUserId("user_42").build());
    client.flush();

    CrossdeckHealthReport.Snapshot health = report(false).read();

    assertThat(health.up()).isTrue();
    assertThat(health.details())
        .containsEntry("mode", "live")
        .containsEntry("environment", "sandbox")
        .containsEntry("queueSize", 0)
        .containsEntry("inFlight", 0)
        .containsEntry("sent", 1L)
        .containsEntry("consecutiveFailures", 0)
        .containsEntry("parked", false)
        .containsEntry("failed", false)
        .containsKeys("lastFlushAt", "dropped", "transport");
    assertThat(health.details().get("lastFlushAt")).isInstanceOf(String.class);
  }

  @Test
  void showsTheEntitlementCachesStateWithoutLoadingItWhenUnused() {
    assertThat(report(false).read().details().get("entitlementCache"))
        .asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("customers", 0)
        .containsEntry("hits", 0L)
        .containsEntry("ttl", "PT1M")
        .containsEntry("durableStore", false);

    IdentityHints user = IdentityHints.forUser("user_health");
    client.entitlements().get(user);
    client.entitlements().isEntitled(user, "pro");
    client.entitlements().isEntitled(IdentityHints.forUser("user_unknown"), "pro");

    assertThat(report(false).read().details().get("entitlementCache"))
        .asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("customers", 1)
        .containsEntry("aliases", 1)
        .containsEntry("hits", 1L)
        .containsEntry("misses", 1L)
        .containsEntry("staleServes", 0L)
        .containsEntry("staleCustomers", 0);
  }

  @Test
  void showsTheOutboxOfADurableClient() {
    client.close(Duration.ZERO);
    client =
        EmulatorClients.builder(emulator.get())
            .outbox(
                OutboxOptions.builder(
                        new SimpleDriverDataSource(
                            new org.h2.Driver(),
                            "jdbc:h2:mem:health" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"))
                    .build())
            .build();
    client.track(Event.builder("plan_upgraded").developerUserId("user_42").build());
    client.flush();

    Object outbox = report(false).read().details().get("outbox");

    assertThat(outbox)
        .asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
        .containsEntry("ready", true)
        .containsEntry("table", "crossdeck_outbox")
        .containsEntry("depth", 0L)
        .containsEntry("written", 1L)
        .containsEntry("relayFailures", 0L)
        .containsKeys("oldestAgeMs", "relayLagMs", "database")
        .doesNotContainKey("lastError");
  }

  @Test
  void omitsDetailsThatHaveNoValue() {
    assertThat(report(false).read().details()).doesNotContainKeys("lastError", "lastFlushAt");
  }

  @Test
  void staysUpWhenTheKeyIsRejectedUnlessStrict() {
    rejectKey();

    CrossdeckHealthReport.Snapshot health = report(false).read();

    assertThat(health.up()).isTrue();
    assertThat(health.details()).containsEntry("keyRejected", true);
  }

  @Test
  void reportsDownWhenStrictAndTheKeyIsRejected() {
    rejectKey();

    assertThat(report(true).read().up()).isFalse();
  }

  @Test
  void showsTheReportOnSpringBoot4sHealthApi() {
    rejectKey();

    Health health = new CrossdeckHealthIndicator(report(true)).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsEntry("mode", "live")
        .containsEntry("keyRejected", true);
  }

  @Test
  void showsAClientWhoseTransportFailedAndReportsDownWhenStrict() {
    client.close(Duration.ZERO);
    client =
        EmulatorClients.builder(emulator.get())
            .transportFactory(
                () -> {
                  throw new NoClassDefFoundError("kotlin/jvm/internal/Intrinsics");
                })
            .build();
    client.track(Event.builder("plan_upgraded").developerUserId("user_42").build());
    client.flushAsync();
    await().until(() -> client.diagnostics().delivery().failed());

    CrossdeckHealthReport.Snapshot lenient = report(false).read();

    assertThat(lenient.up()).isTrue();
    assertThat(lenient.details())
        .containsEntry("failed", true)
        .containsEntry("transport", "custom");
    assertThat((String) lenient.details().get("failure")).contains("NoClassDefFoundError");
    assertThat(report(true).read().up()).isFalse();
  }

  @Test
  void reportsOnlyTheModeForADisabledClient() {
    CrossdeckHealthReport.Snapshot health =
        new CrossdeckHealthReport(
                CrossdeckServer.disabled(), true, () -> Map.of("mode", "disabled"))
            .read();

    assertThat(health.up()).isTrue();
    assertThat(health.details()).containsExactly(Map.entry("mode", "disabled"));
  }

  private CrossdeckHealthReport report(boolean strict) {
    return new CrossdeckHealthReport(client, strict, () -> Map.of("mode", "live"));
  }

  private void rejectKey() {
    client.close(Duration.ZERO);
    client = EmulatorClients.builder(emulator.get(), REVOKED_KEY).build();
    client.track(Event.builder("plan_upgraded").developerUserId("user_42").build());
    client.flush();
  }
}
