package com.crossdeck.benchmarks.outbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The outbox benchmark's rounds as Markdown tables: medians, range in brackets. */
public final class OutboxTables {

  /** Relayed events per second from one instance. */
  static final double RELAY_TARGET = 20_000;

  /** Microseconds a tracked event may add to the transaction it is tracked in. */
  static final double ADDED_MICROS_TARGET = 50;

  private OutboxTables() {}

  /**
   * Renders the tables and the targets.
   *
   * @param database the database measured
   * @param sizes what each measure did
   * @param rounds one map of named values per round
   */
  public static String render(
      String database, OutboxBenchmark.Sizes sizes, List<Map<String, Double>> rounds) {
    Stats stats = new Stats(rounds);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%s; %d round(s), medians, range in brackets.%n%n",
            database,
            rounds.size()));
    out.append("| delivery from one instance | delivered events/s |\n| --- | ---: |\n");
    out.append(
        String.format(
            Locale.ROOT,
            "| outbox: a backlog of %,d rows relayed | %s |%n",
            sizes.backlog(),
            stats.cell("relay events/s", "%,.0f")));
    out.append(
        String.format(
            Locale.ROOT,
            "| in-memory: %,d events tracked back to back and delivered | %s |%n%n",
            sizes.backlog(),
            stats.cell("memory events/s", "%,.0f")));

    out.append(
        "| in a transaction (insert one order, commit) | µs per transaction, 1 event"
            + " | added µs per event | µs per transaction, 10 events | added µs per event |\n"
            + "| --- | ---: | ---: | ---: | ---: |\n");
    out.append(
        String.format(
            Locale.ROOT,
            "| nothing tracked | %s | | %s | |%n",
            stats.cell("tx none µs", "%,.0f"),
            stats.cell("tx none µs", "%,.0f")));
    out.append(
        String.format(
            Locale.ROOT,
            "| a bare `INSERT` of one %,.0f-byte row (the outbox's average), plain JDBC | %s | %s"
                + " | | |%n",
            stats.median("row bytes"),
            stats.cell("tx bare 1 µs", "%,.0f"),
            stats.addedCell("bare", 1)));
    for (String path : List.of("memory", "outbox")) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s |%n",
              path.equals("memory") ? "in-memory" : "outbox",
              stats.cell("tx " + path + " 1 µs", "%,.0f"),
              stats.addedCell(path, 1),
              stats.cell("tx " + path + " 10 µs", "%,.0f"),
              stats.addedCell(path, 10)));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%n`track()` outside any transaction: %s µs in memory, %s µs through the outbox (its"
                + " own insert and commit).%n%n",
            stats.cell("alone memory µs", "%,.1f"),
            stats.cell("alone outbox µs", "%,.0f")));

    out.append(
        String.format(
            Locale.ROOT,
            "| burst: %,d events, 10 per transaction, from one thread | commits took ms"
                + " | delivered events/s | last event arrived ms after the last commit"
                + " | relay lag, most sampled ms |%n| --- | ---: | ---: | ---: | ---: |%n",
            sizes.burst()));
    for (String path : List.of("outbox", "memory")) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s |%n",
              path.equals("memory") ? "in-memory" : "outbox",
              stats.cell("burst " + path + " commits ms", "%,.0f"),
              stats.cell("burst " + path + " events/s", "%,.0f"),
              stats.cell("burst " + path + " drain ms", "%,.0f"),
              path.equals("memory") ? "" : stats.cell("burst outbox max lag ms", "%,.0f")));
    }

    double relayed = stats.median("relay events/s");
    double added = stats.added("outbox", 1);
    out.append(
        String.format(
            Locale.ROOT,
            "%n| target | measured (medians) | |%n| --- | --- | --- |%n"
                + "| ≥ %,.0f events/s relayed from one instance | %,.0f | %s |%n"
                + "| < %.0f µs added per tracked event in a transaction | %.1f µs (1 event),"
                + " %.1f µs (10 events) | %s |%n",
            RELAY_TARGET,
            relayed,
            relayed >= RELAY_TARGET ? "met" : "**missed**",
            ADDED_MICROS_TARGET,
            added,
            stats.added("outbox", 10),
            added < ADDED_MICROS_TARGET ? "met" : "**missed**"));
    return out.toString();
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }

  /** Medians and ranges of the rounds. */
  private record Stats(List<Map<String, Double>> rounds) {

    /** Per tracked event, what tracking added to the transaction: each round's, then the median. */
    double added(String path, int events) {
      return median(addedByRound(path, events));
    }

    String addedCell(String path, int events) {
      List<Double> sorted = addedByRound(path, events).stream().sorted().toList();
      String median = format("%,.1f", median(sorted));
      return sorted.size() < 2
          ? median
          : median
              + " ["
              + format("%,.1f", sorted.get(0))
              + "–"
              + format("%,.1f", sorted.get(sorted.size() - 1))
              + "]";
    }

    private List<Double> addedByRound(String path, int events) {
      return rounds.stream()
          .map(
              round ->
                  (round.get("tx " + path + " " + events + " µs") - round.get("tx none µs"))
                      / events)
          .toList();
    }

    double median(String key) {
      return median(values(key));
    }

    private static double median(List<Double> values) {
      List<Double> sorted = values.stream().sorted().toList();
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    String cell(String key, String pattern) {
      List<Double> sorted = values(key);
      String median = format(pattern, median(key));
      if (sorted.size() < 2) {
        return median;
      }
      return median
          + " ["
          + format(pattern, sorted.get(0))
          + "–"
          + format(pattern, sorted.get(sorted.size() - 1))
          + "]";
    }

    private List<Double> values(String key) {
      return rounds.stream().map(round -> round.get(key)).sorted().toList();
    }
  }
}
