package com.crossdeck.spring.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.spring.EmulatorClients;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class CrossdeckHealthIndicatorTests {

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

    Health health = indicator(false).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("mode", "live")
        .containsEntry("environment", "sandbox")
        .containsEntry("queueSize", 0)
        .containsEntry("inFlight", 0)
        .containsEntry("sent", 1L)
        .containsEntry("consecutiveFailures", 0)
        .containsEntry("parked", false)
        .containsEntry("failed", false)
        .containsKeys("lastFlushAt", "dropped", "transport");
    assertThat(health.getDetails().get("lastFlushAt")).isInstanceOf(String.class);
  }

  @Test
  void omitsDetailsThatHaveNoValue() {
    assertThat(indicator(false).health().getDetails())
        .doesNotContainKeys("lastError", "lastFlushAt");
  }

  @Test
  void staysUpWhenTheKeyIsRejectedUnlessStrict() {
    rejectKey();

    Health health = indicator(false).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("keyRejected", true);
  }

  @Test
  void reportsDownWhenStrictAndTheKeyIsRejected() {
    rejectKey();

    assertThat(indicator(true).health().getStatus()).isEqualTo(Status.DOWN);
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
    org.awaitility.Awaitility.await().until(() -> client.diagnostics().delivery().failed());

    Health lenient = indicator(false).health();

    assertThat(lenient.getStatus()).isEqualTo(Status.UP);
    assertThat(lenient.getDetails())
        .containsEntry("failed", true)
        .containsEntry("transport", "custom");
    assertThat((String) lenient.getDetails().get("failure")).contains("NoClassDefFoundError");
    assertThat(indicator(true).health().getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void reportsOnlyTheModeForADisabledClient() {
    Health health =
        new CrossdeckHealthIndicator(
                CrossdeckServer.disabled(), true, () -> Map.of("mode", "disabled"))
            .health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsExactly(Map.entry("mode", "disabled"));
  }

  private CrossdeckHealthIndicator indicator(boolean strict) {
    return new CrossdeckHealthIndicator(client, strict, () -> Map.of("mode", "live"));
  }

  private void rejectKey() {
    client.close(Duration.ZERO);
    client = EmulatorClients.builder(emulator.get(), REVOKED_KEY).build();
    client.track(Event.builder("plan_upgraded").developerUserId("user_42").build());
    client.flush();
  }
}
