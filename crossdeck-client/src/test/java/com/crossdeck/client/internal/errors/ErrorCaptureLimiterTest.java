package com.crossdeck.client.internal.errors;

import static com.crossdeck.client.internal.errors.ErrorCaptureLimiter.Decision.ACCEPTED;
import static com.crossdeck.client.internal.errors.ErrorCaptureLimiter.Decision.PROCESS_CAP;
import static com.crossdeck.client.internal.errors.ErrorCaptureLimiter.Decision.RATE_LIMITED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdeck.client.internal.errors.ErrorCaptureLimiter.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ErrorCaptureLimiterTest {

  private static final Duration WINDOW = ErrorCaptureLimiter.DEFAULT_WINDOW;

  // Starts far from zero and may be negative, as System.nanoTime may.
  private final AtomicLong nanos = new AtomicLong(-5_000_000_000L);

  @Test
  void acceptsTheLimitPerFingerprintThenRateLimits() {
    ErrorCaptureLimiter limiter = defaults();

    assertThat(acquire(limiter, "a1b2c3d4", 6))
        .containsExactly(ACCEPTED, ACCEPTED, ACCEPTED, ACCEPTED, ACCEPTED, RATE_LIMITED);
  }

  @Test
  void limitsEachFingerprintSeparately() {
    ErrorCaptureLimiter limiter = defaults();
    acquire(limiter, "a1b2c3d4", 5);

    assertThat(limiter.tryAcquire("ffff0000")).isEqualTo(ACCEPTED);
  }

  @Test
  void staysRateLimitedUntilTheWindowHasPassed() {
    ErrorCaptureLimiter limiter = defaults();
    acquire(limiter, "a1b2c3d4", 5);

    advance(WINDOW.minusNanos(1));

    assertThat(limiter.tryAcquire("a1b2c3d4")).isEqualTo(RATE_LIMITED);
  }

  @Test
  void acceptsTheFingerprintAgainOnceTheWindowHasPassed() {
    ErrorCaptureLimiter limiter = defaults();
    acquire(limiter, "a1b2c3d4", 5);

    advance(WINDOW);

    assertThat(acquire(limiter, "a1b2c3d4", 6))
        .containsExactly(ACCEPTED, ACCEPTED, ACCEPTED, ACCEPTED, ACCEPTED, RATE_LIMITED);
  }

  @Test
  void capsTheProcessAcrossFingerprints() {
    ErrorCaptureLimiter limiter = defaults();
    IntStream.range(0, 100).forEach(i -> limiter.tryAcquire("fp" + i));

    assertThat(limiter.tryAcquire("fresh")).isEqualTo(PROCESS_CAP);
  }

  @Test
  void theProcessCapOutlastsTheWindow() {
    ErrorCaptureLimiter limiter = defaults();
    IntStream.range(0, 100).forEach(i -> limiter.tryAcquire("fp" + i));

    advance(Duration.ofDays(1));

    assertThat(limiter.tryAcquire("fp0")).isEqualTo(PROCESS_CAP);
  }

  @Test
  void reportsTheProcessCapBeforeTheRateLimit() {
    ErrorCaptureLimiter limiter = new ErrorCaptureLimiter(2, WINDOW, 2, nanos::get);
    acquire(limiter, "a1b2c3d4", 2);

    assertThat(limiter.tryAcquire("a1b2c3d4")).isEqualTo(PROCESS_CAP);
  }

  @Test
  void rateLimitedCapturesDoNotCountTowardsTheProcessCap() {
    ErrorCaptureLimiter limiter = new ErrorCaptureLimiter(1, WINDOW, 2, nanos::get);
    acquire(limiter, "a1b2c3d4", 50);

    assertThat(limiter.tryAcquire("ffff0000")).isEqualTo(ACCEPTED);
  }

  @Test
  void forgetsFingerprintsWhoseWindowHasPassed() {
    ErrorCaptureLimiter limiter = new ErrorCaptureLimiter(5, WINDOW, 1_000_000, nanos::get);
    IntStream.range(0, 1000).forEach(i -> limiter.tryAcquire("fp" + i));

    advance(WINDOW);
    limiter.tryAcquire("fresh");

    assertThat(limiter.trackedFingerprints()).isEqualTo(1);
  }

  @Test
  void tracksABoundedNumberOfFingerprints() {
    ErrorCaptureLimiter limiter = new ErrorCaptureLimiter(5, WINDOW, 1_000_000, nanos::get, 64);

    IntStream.range(0, 100_000).forEach(i -> limiter.tryAcquire("fp" + i));

    assertThat(limiter.trackedFingerprints()).isEqualTo(64);
  }

  @Test
  void neverAcceptsMoreThanTheProcessCapUnderConcurrency() throws Exception {
    ErrorCaptureLimiter limiter = new ErrorCaptureLimiter(5, WINDOW, 100, System::nanoTime);

    List<Decision> decisions =
        acquireConcurrently(limiter, 16, 500, (thread, i) -> thread + "-" + i);

    assertThat(decisions).filteredOn(Decision::isAccepted).hasSize(100);
  }

  @Test
  void neverAcceptsMoreThanTheFingerprintLimitUnderConcurrency() throws Exception {
    ErrorCaptureLimiter limiter =
        new ErrorCaptureLimiter(5, Duration.ofDays(1), 100, System::nanoTime);

    List<Decision> decisions = acquireConcurrently(limiter, 16, 500, (thread, i) -> "same");

    assertThat(decisions).filteredOn(Decision::isAccepted).hasSize(5);
  }

  @Test
  void tagsEachDecisionForMetrics() {
    assertThat(List.of(Decision.values()))
        .extracting(Decision::tag)
        .containsExactly("accepted", "rate_limited", "process_cap");
  }

  @Test
  void rejectsAFingerprintLimitBelowOne() {
    assertThatThrownBy(() -> new ErrorCaptureLimiter(0, WINDOW, 100, nanos::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPerFingerprint");
  }

  @Test
  void rejectsAProcessCapBelowOne() {
    assertThatThrownBy(() -> new ErrorCaptureLimiter(5, WINDOW, 0, nanos::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPerProcess");
  }

  @Test
  void rejectsAWindowThatIsNotPositive() {
    assertThatThrownBy(() -> new ErrorCaptureLimiter(5, Duration.ZERO, 100, nanos::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window");
  }

  private ErrorCaptureLimiter defaults() {
    return new ErrorCaptureLimiter(
        ErrorCaptureLimiter.DEFAULT_MAX_PER_FINGERPRINT,
        WINDOW,
        ErrorCaptureLimiter.DEFAULT_MAX_PER_PROCESS,
        nanos::get);
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  private static List<Decision> acquire(
      ErrorCaptureLimiter limiter, String fingerprint, int times) {
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      decisions.add(limiter.tryAcquire(fingerprint));
    }
    return decisions;
  }

  private static List<Decision> acquireConcurrently(
      ErrorCaptureLimiter limiter,
      int threads,
      int attemptsPerThread,
      BiFunction<Integer, Integer, String> fingerprintOf)
      throws Exception {
    ConcurrentLinkedQueue<Decision> decisions = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        workers.add(
            executor.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < attemptsPerThread; i++) {
                    decisions.add(limiter.tryAcquire(fingerprintOf.apply(thread, i)));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get(10, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(decisions).hasSize(threads * attemptsPerThread);
    return List.copyOf(decisions);
  }
}
