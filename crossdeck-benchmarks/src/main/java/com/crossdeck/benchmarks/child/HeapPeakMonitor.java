package com.crossdeck.benchmarks.child;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Tracks the heap's high-water marks inside a child JVM.
 *
 * <ul>
 *   <li><b>peak heap</b>: the most heap in use at any moment: the sum over all heap pools of the
 *       usage reported just before each garbage collection (the true local maxima, since usage only
 *       grows between collections), and the usage when the run ends;
 *   <li><b>peak live</b>: the most heap still in use just after a collection: what the SDK actually
 *       retained.
 * </ul>
 *
 * <p>Both are measured from {@link #start()}, which first collects garbage so that the JVM's own
 * start-up allocations do not count.
 */
final class HeapPeakMonitor {

  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakLive = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private volatile boolean running;

  HeapPeakMonitor() {
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (notification, handback) -> {
                if (running
                    && GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                        notification.getType())) {
                  var info =
                      GarbageCollectionNotificationInfo.from(
                          (CompositeData) notification.getUserData());
                  collections.incrementAndGet();
                  peakUsed.accumulateAndGet(
                      used(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                  peakLive.accumulateAndGet(
                      used(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                }
              },
              null,
              null);
    }
  }

  /** Collects garbage, then starts measuring. */
  void start() {
    System.gc();
    long used = currentUsed();
    peakUsed.set(used);
    peakLive.set(used);
    collections.set(0);
    running = true;
  }

  /** Stops measuring; folds in the usage at this moment. */
  void stop() {
    peakUsed.accumulateAndGet(currentUsed(), Math::max);
    running = false;
  }

  long peakUsedBytes() {
    return peakUsed.get();
  }

  long peakLiveBytes() {
    return peakLive.get();
  }

  long collections() {
    return collections.get();
  }

  private long used(Map<String, MemoryUsage> byPool) {
    long sum = 0;
    for (var entry : byPool.entrySet()) {
      if (heapPools.contains(entry.getKey())) {
        sum += entry.getValue().getUsed();
      }
    }
    return sum;
  }

  private static long currentUsed() {
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    long sum = 0;
    for (MemoryPoolMXBean pool : pools) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getUsage().getUsed();
      }
    }
    return sum;
  }
}
