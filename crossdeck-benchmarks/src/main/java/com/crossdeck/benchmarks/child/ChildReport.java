package com.crossdeck.benchmarks.child;

/**
 * What a child JVM measured about its own run; printed as one JSON line after {@value #PREFIX}.
 *
 * @param accepted events the SDK accepted ({@link com.crossdeck.benchmarks.sdk.Driver#track})
 * @param trackNanos time spent handing the events over (the {@code track()} loop)
 * @param closeNanos time spent in the final flush and close
 * @param cpuNanos the whole process's CPU time (all threads, GC and JIT included) from the start of
 *     the run to the end of close; the sink runs in another process, so none of it is the sink's
 * @param peakHeapBytes see {@link HeapPeakMonitor}
 * @param peakLiveBytes see {@link HeapPeakMonitor}
 * @param collections garbage collections during the run
 * @param startEpochMillis wall-clock time of the run's start
 */
public record ChildReport(
    long accepted,
    long trackNanos,
    long closeNanos,
    long cpuNanos,
    long peakHeapBytes,
    long peakLiveBytes,
    long collections,
    long startEpochMillis) {

  /** The stdout prefix of the report line. */
  public static final String PREFIX = "RESULT ";
}
