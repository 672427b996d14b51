package com.crossdeck.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.emulator.RecordedRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLogTest {

  private static RecordedRequest request(String path, int bodySize) {
    return new RecordedRequest(
        "POST", path, "", Map.of(), new byte[bodySize], 202, false, Instant.EPOCH);
  }

  private static void add(RequestLog log, String path, int bodySize) {
    log.add(request(path, bodySize), bodySize);
  }

  @Test
  void keepsRequestsInArrivalOrder() {
    RequestLog log = new RequestLog(10, 1000);
    add(log, "/a", 1);
    add(log, "/b", 1);

    assertThat(log.snapshot()).extracting(RecordedRequest::path).containsExactly("/a", "/b");
  }

  @Test
  void forgetsTheOldestBeyondTheRequestLimit() {
    RequestLog log = new RequestLog(2, 1000);
    add(log, "/a", 1);
    add(log, "/b", 1);
    add(log, "/c", 1);

    assertThat(log.snapshot()).extracting(RecordedRequest::path).containsExactly("/b", "/c");
  }

  @Test
  void forgetsTheOldestBeyondTheBodyByteLimit() {
    RequestLog log = new RequestLog(10, 100);
    add(log, "/a", 60);
    add(log, "/b", 30);
    add(log, "/c", 30);

    assertThat(log.snapshot()).extracting(RecordedRequest::path).containsExactly("/b", "/c");
  }

  @Test
  void keepsTheNewestRequestEvenWhenItAloneExceedsTheByteLimit() {
    RequestLog log = new RequestLog(10, 100);
    add(log, "/a", 10);
    add(log, "/huge", 500);

    assertThat(log.snapshot()).extracting(RecordedRequest::path).containsExactly("/huge");
  }

  @Test
  void forgetsEverythingOnClear() {
    RequestLog log = new RequestLog(10, 100);
    add(log, "/a", 10);

    log.clear();

    assertThat(log.snapshot()).isEmpty();
  }
}
