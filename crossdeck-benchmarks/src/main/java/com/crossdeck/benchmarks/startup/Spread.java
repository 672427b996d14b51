package com.crossdeck.benchmarks.startup;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The median and the range of one quantity over repeated runs, as the startup tables show it.
 *
 * @param median the median (of the two middle runs for an even count)
 * @param min the lowest run
 * @param max the highest run
 */
record Spread(double median, double min, double max) {

  /** The spread of {@code value} over {@code runs}, of which there is at least one. */
  static <T> Spread of(List<T> runs, ToDoubleFunction<T> value) {
    double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
    int middle = sorted.length / 2;
    double median =
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return new Spread(median, sorted[0], sorted[sorted.length - 1]);
  }

  /** {@code median [min–max]} with {@code decimals} decimals and thousands separators. */
  String format(int decimals) {
    String number = "%,." + decimals + "f";
    return String.format(
        Locale.ROOT, number + " [" + number + "–" + number + "]", median, min, max);
  }
}
