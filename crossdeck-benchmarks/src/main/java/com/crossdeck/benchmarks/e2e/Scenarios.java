package com.crossdeck.benchmarks.e2e;

import java.util.List;

/** The end-to-end scenarios, in the order they run and are reported. */
public final class Scenarios {

  private Scenarios() {}

  /** A fresh instance of every scenario. */
  public static List<Scenario> all() {
    return List.of(
        new BurstScenario(),
        new ShutdownScenario(),
        new OutageScenario(),
        new LostResponseScenario(),
        new RateLimitedScenario(),
        new KillScenario());
  }

  /** The scenario called {@code name}. */
  public static Scenario named(String name) {
    return all().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No scenario called " + name));
  }
}
