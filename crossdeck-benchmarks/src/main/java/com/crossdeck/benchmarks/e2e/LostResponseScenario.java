package com.crossdeck.benchmarks.e2e;

import com.crossdeck.benchmarks.child.ChildReport;
import com.crossdeck.benchmarks.child.ChildRun;
import com.crossdeck.benchmarks.child.Sizes;
import com.crossdeck.benchmarks.report.Column;
import com.crossdeck.benchmarks.report.Table;
import com.crossdeck.benchmarks.sdk.Sdk;
import com.crossdeck.benchmarks.sink.RawSink;
import com.crossdeck.benchmarks.sink.SinkPlan;
import com.crossdeck.benchmarks.sink.SinkStats;
import java.util.List;
import java.util.Map;

/**
 * {@code lost-response}: the server processes each of the first requests and then drops the
 * connection without answering. Crossdeck runs against the emulator ({@code
 * dropConnectionAfterProcessing}); the peers, whose APIs the emulator does not speak, against the
 * raw sink with the same fault.
 */
final class LostResponseScenario implements Scenario {

  private static final Column RECEIVED = Column.count("received", "received (with resends)");
  private static final Column DROPPED = Column.count("dropped", "responses lost");

  @Override
  public String name() {
    return "lost-response";
  }

  @Override
  public Table table() {
    return new Table(
        name(),
        "lost-response: the first 5 requests are processed, then their connection is dropped",
        """
        One thread tracks 2,000 events, then flushes and closes. The server fully processes each \
        of the first 5 ingest requests, then closes the connection without a response, so the SDK \
        cannot know they arrived. Crossdeck runs against the emulator, which deduplicates by \
        `Idempotency-Key` and event id: *delivered (distinct)* and *duplicates* are what it \
        stored. The peers run against the raw sink with the identical fault, which stores \
        everything it receives: their *duplicates* are resent events that a backend without \
        deduplication would count twice (Segment's and PostHog's backends may deduplicate by \
        `messageId` / `uuid`; the raw sink does not model that). *received* counts every event \
        the server processed, resends included.""",
        List.of(
            Metrics.ACCEPTED,
            RECEIVED,
            Metrics.DELIVERED,
            Metrics.LOST,
            Metrics.DUPLICATES,
            DROPPED,
            Metrics.REQUESTS));
  }

  @Override
  public Target target(Sdk sdk, RawSink sink, Sizes sizes) {
    if (sdk.isCrossdeck()) {
      return new EmulatorTarget(
          0,
          sizes.lostResponseEvents(),
          emulator -> emulator.faults().dropConnectionAfterProcessing(sizes.lostResponses()));
    }
    return new SinkTarget(
        sink, SinkPlan.lostResponses(sizes.lostResponses(), sizes.lostResponseEvents()));
  }

  @Override
  public void runChild(ChildRun run) {
    run.begin();
    run.trackFast(run.sizes().lostResponseEvents());
    run.finish(true);
  }

  @Override
  public Map<String, Double> measure(ChildReport report, SinkStats stats, Sizes sizes) {
    return Metrics.delivery(report, stats)
        .put(RECEIVED, stats.received())
        .put(DROPPED, stats.droppedConnections())
        .values();
  }
}
