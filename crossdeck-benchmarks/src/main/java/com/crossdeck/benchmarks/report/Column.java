package com.crossdeck.benchmarks.report;

import java.util.Locale;

/**
 * One column of a result table.
 *
 * @param key the metric's key in {@link Measurement#values()}
 * @param header the column header
 * @param decimals digits after the decimal point
 * @param missing what to print for a metric that has no value (NaN): "never", "n/a"…
 */
public record Column(String key, String header, int decimals, String missing) {

  /** A whole-number column; a missing value prints as "n/a". */
  public static Column count(String key, String header) {
    return new Column(key, header, 0, "n/a");
  }

  /** A column with {@code decimals} digits; a missing value prints as "n/a". */
  public static Column decimal(String key, String header, int decimals) {
    return new Column(key, header, decimals, "n/a");
  }

  /** A duration column where a missing value means the thing never happened. */
  public static Column time(String key, String header) {
    return new Column(key, header, 2, "never");
  }

  /** Formats a value for this column. */
  public String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return missing;
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
