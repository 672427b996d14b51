package com.crossdeck.benchmarks.e2e;

import com.crossdeck.benchmarks.child.ChildReport;
import com.crossdeck.benchmarks.report.Column;
import com.crossdeck.benchmarks.sink.SinkStats;
import java.util.LinkedHashMap;
import java.util.Map;

/** The metrics several scenarios share, computed one way for all of them. */
final class Metrics {

  static final Column ACCEPTED = Column.count("accepted", "enqueued");
  static final Column DELIVERED = Column.count("delivered", "delivered (distinct)");
  static final Column LOST = Column.count("lost", "lost");
  static final Column DUPLICATES = Column.count("duplicates", "duplicates");
  static final Column REQUESTS = Column.count("requests", "HTTP requests");

  private final Map<String, Double> values = new LinkedHashMap<>();

  private Metrics() {}

  /** Accepted, delivered, lost, duplicates and requests. */
  static Metrics delivery(ChildReport report, SinkStats stats) {
    return new Metrics()
        .put(ACCEPTED, report.accepted())
        .put(DELIVERED, stats.unique())
        .put(LOST, report.accepted() - stats.unique())
        .put(DUPLICATES, stats.duplicates())
        .put(REQUESTS, stats.requests());
  }

  /** Adds a metric. */
  Metrics put(Column column, double value) {
    values.put(column.key(), value);
    return this;
  }

  /** Seconds from milliseconds, NaN when the sink reports "never" (-1). */
  static double seconds(double millis) {
    return millis < 0 ? Double.NaN : millis / 1000;
  }

  Map<String, Double> values() {
    return values;
  }
}
