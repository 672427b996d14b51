package com.crossdeck.benchmarks.report;

import static com.crossdeck.benchmarks.report.MarkdownTables.median;

import com.crossdeck.benchmarks.sdk.Sdk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The targets, checked against the medians of one run. Peers are compared with the best
 * peer on each metric; a target whose data was not measured in this run (for example the JMH
 * targets in quick mode) is left out.
 */
public final class Targets {

  private static final Sdk[] PEERS = {Sdk.SEGMENT, Sdk.POSTHOG, Sdk.MIXPANEL};

  private record Check(String target, String actual, boolean met) {}

  private final List<Measurement> all;
  private final List<Check> checks = new ArrayList<>();

  private Targets(List<Measurement> all) {
    this.all = all;
  }

  /** The targets as a Markdown table with a met/missed column. */
  public static String render(List<Measurement> all) {
    Targets targets = new Targets(all);
    targets.evaluate();
    StringBuilder out = new StringBuilder("| target | measured (medians) | |\n|---|---|---|\n");
    for (Check check : targets.checks) {
      out.append("| ")
          .append(check.target())
          .append(" | ")
          .append(check.actual())
          .append(" | ")
          .append(check.met() ? "met" : "**missed**")
          .append(" |\n");
    }
    return out.toString();
  }

  private void evaluate() {
    double one = ours("hot", "oneThread");
    if (!Double.isNaN(one)) {
      check("track() ≥ 1,000,000 calls/s on 1 thread", one >= 1_000_000, "%,.0f calls/s", one);
      double bestTwo = bestPeer("hot", "twoThreads", true);
      double two = ours("hot", "twoThreads");
      check(
          "track() at 2 threads ≥ 3× the best peer",
          two >= 3 * bestTwo,
          "%,.0f vs best peer %,.0f (%.2f×)",
          two,
          bestTwo,
          two / bestTwo);
      double bytes = Math.max(ours("hot", "oneThreadBytes"), ours("hot", "twoThreadsBytes"));
      check("≤ 1,000 bytes allocated per event, all threads", bytes <= 1000, "%,.0f B", bytes);
    }
    double bestRate = bestPeer("burst", "eventsPerSecond", true);
    double rate = ours("burst", "eventsPerSecond");
    check("burst: zero loss", ours("burst", "lost") == 0, "%,.0f lost", ours("burst", "lost"));
    check(
        "burst: ≥ 2× the best peer's delivered events/s",
        rate >= 2 * bestRate,
        "%,.0f vs %,.0f (%.2f×)",
        rate,
        bestRate,
        rate / bestRate);
    double bestHeap = bestPeer("burst", "peakHeapMb", false);
    double heap = ours("burst", "peakHeapMb");
    check(
        "burst: peak heap ≤ ¼ of the best peer's",
        heap <= bestHeap / 4,
        "%.1f MB vs %.1f MB (%.2f×)",
        heap,
        bestHeap,
        heap / bestHeap);
    double bestCpu = bestPeer("burst", "cpuMicrosPerEvent", false);
    double cpu = ours("burst", "cpuMicrosPerEvent");
    check(
        "burst: client CPU per delivered event lower than every peer's",
        cpu < bestCpu,
        "%.2f µs vs %.2f µs",
        cpu,
        bestCpu);
    double after = ours("outage", "afterOutageSeconds");
    check(
        "outage: full delivery ≤ 2 s after the outage ends, zero duplicates",
        after <= 2 && ours("outage", "duplicates") == 0 && ours("outage", "lost") == 0,
        "%.2f s, %,.0f duplicates, %,.0f lost",
        after,
        ours("outage", "duplicates"),
        ours("outage", "lost"));
    for (String scenario : List.of("lost-response", "rate-limited", "shutdown", "kill")) {
      double lost = ours(scenario, "lost");
      double duplicates = ours(scenario, "duplicates");
      check(
          scenario + ": zero loss, zero duplicates stored",
          lost == 0 && duplicates == 0,
          "%,.0f lost, %,.0f duplicates",
          lost,
          duplicates);
    }
    double violations = ours("rate-limited", "retryAfterViolations");
    check(
        "rate-limited: no request before Retry-After",
        violations == 0,
        "%,.0f early requests",
        violations);
  }

  private double ours(String scenario, String key) {
    return median(all, scenario, Sdk.CROSSDECK, key);
  }

  private double bestPeer(String scenario, String key, boolean higherIsBetter) {
    double[] values =
        Arrays.stream(PEERS)
            .mapToDouble(sdk -> median(all, scenario, sdk, key))
            .filter(v -> !Double.isNaN(v))
            .toArray();
    return higherIsBetter
        ? Arrays.stream(values).max().orElse(Double.NaN)
        : Arrays.stream(values).min().orElse(Double.NaN);
  }

  private void check(String target, boolean met, String format, Object... args) {
    checks.add(new Check(target, String.format(Locale.ROOT, format, args), met));
  }
}
