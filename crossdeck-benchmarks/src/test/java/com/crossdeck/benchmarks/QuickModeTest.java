package com.crossdeck.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.benchmarks.child.Sizes;
import com.crossdeck.benchmarks.e2e.Scenario;
import com.crossdeck.benchmarks.report.MarkdownTables;
import com.crossdeck.benchmarks.report.Measurement;
import com.crossdeck.benchmarks.report.ResultsDocument;
import com.crossdeck.benchmarks.sdk.Sdk;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the end-to-end harness in quick mode (one round, small sizes, every scenario, every SDK in
 * child JVMs) so that it cannot rot. It checks the harness, never a timing: each run produced a
 * result, and Crossdeck delivered everything in the scenarios where its loss would mean the harness
 * (or the client) is broken.
 */
class QuickModeTest {

  @TempDir Path logs;

  @Test
  void everyScenarioRunsForEverySdkAndCrossdeckDeliversEverything() throws Exception {
    Suite suite = new Suite(Sizes.QUICK, 1, false, logs);

    Suite.Outcome outcome = suite.run();

    List<Measurement> measurements = outcome.measurements();
    for (Scenario scenario : outcome.scenarios()) {
      for (Sdk sdk : Sdk.values()) {
        assertThat(measurements)
            .as("%s / %s (child logs in %s)", scenario.name(), sdk, logs)
            .anySatisfy(
                m -> {
                  assertThat(m.scenario()).isEqualTo(scenario.name());
                  assertThat(m.sdk()).isEqualTo(sdk);
                  assertThat(m.values()).containsKeys("accepted", "delivered", "duplicates");
                });
      }
    }
    for (Sdk crossdeck : List.of(Sdk.CROSSDECK, Sdk.CROSSDECK_JDK)) {
      for (String scenario : List.of("burst", "shutdown", "lost-response")) {
        double accepted = MarkdownTables.median(measurements, scenario, crossdeck, "accepted");
        assertThat(accepted).as("%s / %s", scenario, crossdeck).isPositive();
        assertThat(MarkdownTables.median(measurements, scenario, crossdeck, "delivered"))
            .as("%s / %s: delivered", scenario, crossdeck)
            .isEqualTo(accepted);
        assertThat(MarkdownTables.median(measurements, scenario, crossdeck, "duplicates"))
            .as("%s / %s: duplicates", scenario, crossdeck)
            .isZero();
      }
    }
    assertThat(outcome.capacity()).allSatisfy(c -> assertThat(c.eventsPerSecond()).isPositive());
    String document = ResultsDocument.render(suite, outcome, "quick");
    for (Scenario scenario : outcome.scenarios()) {
      assertThat(document).contains(scenario.table().title());
    }
  }
}
