package com.crossdeck.benchmarks.report;

import com.crossdeck.benchmarks.sdk.Sdk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renders medians as Markdown: one table per scenario, one row per SDK, one column per metric. The
 * median of each metric is taken over rounds separately; a value that never happened (NaN) sorts
 * above every number, so it is the median when it happened in most rounds.
 */
public final class MarkdownTables {

  private MarkdownTables() {}

  /** The median over rounds of one metric of one SDK in one scenario; NaN when not measured. */
  public static double median(List<Measurement> all, String scenario, Sdk sdk, String key) {
    double[] values =
        all.stream()
            .filter(m -> m.scenario().equals(scenario) && m.sdk() == sdk)
            .filter(m -> m.values().containsKey(key))
            .mapToDouble(m -> m.values().get(key))
            .toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(values);
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  /** The table of one scenario, preceded by its heading and explanation. */
  public static String render(Table table, List<Measurement> all) {
    StringBuilder out = new StringBuilder();
    out.append("### ").append(table.title()).append("\n\n").append(table.meaning()).append("\n\n");
    List<String> header = new ArrayList<>(List.of("SDK"));
    table.columns().forEach(c -> header.add(c.header()));
    row(out, header);
    List<String> rule = new ArrayList<>(List.of("---"));
    table.columns().forEach(c -> rule.add("---:"));
    row(out, rule);
    for (Sdk sdk : Sdk.values()) {
      boolean measured =
          all.stream().anyMatch(m -> m.scenario().equals(table.scenario()) && m.sdk() == sdk);
      if (!measured) {
        continue;
      }
      List<String> cells = new ArrayList<>(List.of(sdk.label()));
      for (Column column : table.columns()) {
        cells.add(column.format(median(all, table.scenario(), sdk, column.key())));
      }
      row(out, cells);
    }
    return out.append('\n').toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    out.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }
}
