package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.Faults;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The faults currently armed, consumed atomically by concurrent requests. */
final class FaultPlan implements Faults {

  private record Failures(int remaining, int status, Duration retryAfter) {
    Failures next() {
      return new Failures(remaining - 1, status, retryAfter);
    }
  }

  private static final Failures NO_FAILURES = new Failures(0, 0, Duration.ZERO);

  private final AtomicReference<Failures> failures = new AtomicReference<>(NO_FAILURES);
  private final AtomicInteger drops = new AtomicInteger();
  private volatile Duration latency = Duration.ZERO;

  @Override
  public void failNext(int count, int status) {
    failNext(count, status, Duration.ZERO);
  }

  @Override
  public void failNext(int count, int status, Duration retryAfter) {
    requireCount(count);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400-599, was " + status);
    }
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative");
    }
    failures.set(new Failures(count, status, retryAfter));
  }

  @Override
  public void latency(Duration latency) {
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    this.latency = latency;
  }

  @Override
  public void dropConnectionAfterProcessing(int count) {
    requireCount(count);
    drops.set(count);
  }

  @Override
  public void clear() {
    failures.set(NO_FAILURES);
    drops.set(0);
    latency = Duration.ZERO;
  }

  Duration currentLatency() {
    return latency;
  }

  /** Consumes one armed failure, if any: the error to answer with instead of processing. */
  Optional<ApiError> takeFailure() {
    Failures armed = failures.getAndUpdate(f -> f.remaining() > 0 ? f.next() : f);
    if (armed.remaining() <= 0) {
      return Optional.empty();
    }
    ApiError error =
        ApiError.of(
            armed.status(),
            injectedCode(armed.status()),
            "Injected fault: HTTP " + armed.status() + " (emulator fault injection).");
    return Optional.of(
        armed.retryAfter().isZero()
            ? error
            : error.withHeader("Retry-After", seconds(armed.retryAfter())));
  }

  /** Consumes one armed dropped connection, if any. */
  boolean takeDrop() {
    return drops.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  /** The armed faults, as the control endpoint reports them. */
  ObjectNode toJson() {
    Failures armed = failures.get();
    ObjectNode json = Json.object();
    json.put("object", "faults");
    json.put("failNextRemaining", armed.remaining());
    json.put("failNextStatus", armed.remaining() > 0 ? armed.status() : null);
    json.put("latencyMs", latency.toMillis());
    json.put("dropConnectionsRemaining", drops.get());
    return json;
  }

  /** The codes a real server would send for these statuses (contract §a.9). */
  private static String injectedCode(int status) {
    if (status == 429) {
      return "rate_limited";
    }
    return status >= 500 ? "internal_error" : "injected_fault";
  }

  private static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis())
        .movePointLeft(3)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static void requireCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
  }
}
