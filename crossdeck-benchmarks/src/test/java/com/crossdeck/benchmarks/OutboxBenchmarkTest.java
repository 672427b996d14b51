package com.crossdeck.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.benchmarks.outbox.OutboxBenchmark;
import com.crossdeck.benchmarks.outbox.OutboxTables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the outbox benchmark at its smallest sizes so that it cannot rot: every measure produces its
 * value, every event arrives once (the run fails otherwise), and the tables render. Never a timing.
 */
class OutboxBenchmarkTest {

  @Test
  void everyMeasureRunsAndEveryEventArrivesOnce() throws Exception {
    List<Map<String, Double>> rounds;
    String tables;
    try (OutboxBenchmark benchmark = OutboxBenchmark.start(OutboxBenchmark.Sizes.QUICK)) {
      rounds = benchmark.run(1);
      tables = OutboxTables.render(benchmark.database(), OutboxBenchmark.Sizes.QUICK, rounds);
    }

    assertThat(rounds).singleElement();
    assertThat(rounds.get(0))
        .containsKeys(
            "relay events/s",
            "memory events/s",
            "row bytes",
            "tx none µs",
            "tx bare 1 µs",
            "tx memory 1 µs",
            "tx outbox 1 µs",
            "tx memory 10 µs",
            "tx outbox 10 µs",
            "alone memory µs",
            "alone outbox µs",
            "burst outbox events/s",
            "burst outbox drain ms",
            "burst outbox max lag ms",
            "burst memory events/s")
        .allSatisfy((name, value) -> assertThat(value).as(name).isNotNegative());
    assertThat(rounds.get(0).get("relay events/s")).isPositive();
    assertThat(tables).startsWith("PostgreSQL").contains("| target |");
  }
}
