package com.crossdeck.client.internal.errors;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Decides whether a captured error may be sent, so that a failure in a loop or on every request
 * cannot flood the event queue (contract §j.4).
 *
 * <p>Two limits apply, checked in the reference SDK's order: at most {@code maxPerProcess} captures
 * are accepted over the life of the limiter, and at most {@code maxPerFingerprint} per fingerprint
 * in each window. Only accepted captures count towards either limit.
 *
 * <p>Windows are fixed: a fingerprint's window opens at its first accepted capture and closes
 * {@code window} later. Unlike the reference SDK's sliding log this needs constant memory per
 * fingerprint whatever the limit, at the cost of allowing up to twice the limit across a window
 * boundary. Memory is bounded too: closed windows are dropped as time passes, and at most {@value
 * #MAX_TRACKED_FINGERPRINTS} open ones are kept. Every open window holds an accepted capture, so
 * that bound is reached only when {@code maxPerProcess} exceeds it; the oldest window is then
 * forgotten, which at worst lets its fingerprint through early while the process cap still holds.
 *
 * <p>Thread-safe; {@link #tryAcquire} is synchronized, which is cheap at the rate errors are
 * captured.
 */
public final class ErrorCaptureLimiter {

  /** The default number of captures accepted per fingerprint in each window: 5. */
  public static final int DEFAULT_MAX_PER_FINGERPRINT = 5;

  /** The default length of a fingerprint's window: 1 minute. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

  /** The default number of captures accepted over the life of the process: 100. */
  public static final int DEFAULT_MAX_PER_PROCESS = 100;

  /** The most fingerprint windows kept open at once, as in the reference SDK. */
  public static final int MAX_TRACKED_FINGERPRINTS = 4096;

  /** The outcome of {@link #tryAcquire}. */
  public enum Decision {
    /** The capture may be sent; it has been counted. */
    ACCEPTED("accepted"),
    /** Its fingerprint already used up the current window. */
    RATE_LIMITED("rate_limited"),
    /** The process already sent its maximum number of captures. */
    PROCESS_CAP("process_cap");

    private final String tag;

    Decision(String tag) {
      this.tag = tag;
    }

    /** A stable lower-case name, suitable as a metric tag value. */
    public String tag() {
      return tag;
    }

    /** Whether the capture may be sent. */
    public boolean isAccepted() {
      return this == ACCEPTED;
    }
  }

  private final int maxPerFingerprint;
  private final long windowNanos;
  private final int maxPerProcess;
  private final int maxTrackedFingerprints;
  private final LongSupplier nanoTime;

  // In order of window opening: a closed window is removed, never reopened in place, so expired
  // entries are always at the head and eviction never needs a full scan.
  private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>();
  private int accepted;

  /**
   * Creates a limiter.
   *
   * @param maxPerFingerprint captures accepted per fingerprint in each window, at least 1
   * @param window the length of a fingerprint's window, positive
   * @param maxPerProcess captures accepted over the life of the limiter, at least 1
   * @param nanoTime monotonic time in nanoseconds, such as {@code System::nanoTime}
   * @throws IllegalArgumentException if a limit or the window is out of range
   */
  public ErrorCaptureLimiter(
      int maxPerFingerprint, Duration window, int maxPerProcess, LongSupplier nanoTime) {
    this(maxPerFingerprint, window, maxPerProcess, nanoTime, MAX_TRACKED_FINGERPRINTS);
  }

  ErrorCaptureLimiter(
      int maxPerFingerprint,
      Duration window,
      int maxPerProcess,
      LongSupplier nanoTime,
      int maxTrackedFingerprints) {
    Objects.requireNonNull(window, "window");
    if (maxPerFingerprint < 1) {
      throw new IllegalArgumentException(
          "maxPerFingerprint must be at least 1: " + maxPerFingerprint);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    if (maxPerProcess < 1) {
      throw new IllegalArgumentException("maxPerProcess must be at least 1: " + maxPerProcess);
    }
    this.maxPerFingerprint = maxPerFingerprint;
    this.windowNanos = window.toNanos();
    this.maxPerProcess = maxPerProcess;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.maxTrackedFingerprints = maxTrackedFingerprints;
  }

  /**
   * Decides whether a capture with {@code fingerprint} may be sent, and counts it if so.
   *
   * @param fingerprint the error's fingerprint, see {@link ErrorFingerprint}
   * @return {@link Decision#ACCEPTED}, or why the capture must be dropped
   */
  public synchronized Decision tryAcquire(String fingerprint) {
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (accepted >= maxPerProcess) {
      return Decision.PROCESS_CAP;
    }
    long now = nanoTime.getAsLong();
    dropClosedWindows(now);
    Window window = windows.get(fingerprint);
    if (window == null) {
      if (windows.size() >= maxTrackedFingerprints) {
        dropOldestWindow();
      }
      window = new Window(now);
      windows.put(fingerprint, window);
    }
    if (window.count >= maxPerFingerprint) {
      return Decision.RATE_LIMITED;
    }
    window.count++;
    accepted++;
    return Decision.ACCEPTED;
  }

  /** How many fingerprint windows are open; for tests of the memory bound. */
  synchronized int trackedFingerprints() {
    return windows.size();
  }

  private void dropClosedWindows(long now) {
    Iterator<Window> oldestFirst = windows.values().iterator();
    // Subtraction, not comparison of raw values: nanoTime may wrap around.
    while (oldestFirst.hasNext() && now - oldestFirst.next().openedAt >= windowNanos) {
      oldestFirst.remove();
    }
  }

  private void dropOldestWindow() {
    Iterator<Window> oldestFirst = windows.values().iterator();
    oldestFirst.next();
    oldestFirst.remove();
  }

  private static final class Window {
    final long openedAt;
    int count;

    Window(long openedAt) {
      this.openedAt = openedAt;
    }
  }
}
