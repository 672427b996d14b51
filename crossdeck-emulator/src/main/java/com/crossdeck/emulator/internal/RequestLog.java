package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.RecordedRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The most recent API requests, bounded by count and by total body bytes so a long benchmark run
 * keeps a fixed amount of memory. The oldest requests are forgotten first.
 */
final class RequestLog {

  static final int DEFAULT_MAX_REQUESTS = 10_000;
  static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

  private final int maxRequests;
  private final long maxBodyBytes;

  private record Entry(RecordedRequest request, int bodySize) {}

  private final Deque<Entry> entries = new ArrayDeque<>();
  private long bodyBytes;

  RequestLog(int maxRequests, long maxBodyBytes) {
    this.maxRequests = maxRequests;
    this.maxBodyBytes = maxBodyBytes;
  }

  synchronized void add(RecordedRequest request, int bodySize) {
    entries.addLast(new Entry(request, bodySize));
    bodyBytes += bodySize;
    while (entries.size() > maxRequests || (bodyBytes > maxBodyBytes && entries.size() > 1)) {
      bodyBytes -= entries.removeFirst().bodySize();
    }
  }

  synchronized List<RecordedRequest> snapshot() {
    return entries.stream().map(Entry::request).toList();
  }

  synchronized void clear() {
    entries.clear();
    bodyBytes = 0;
  }
}
