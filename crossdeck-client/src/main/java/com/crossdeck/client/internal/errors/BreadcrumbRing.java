package com.crossdeck.client.internal.errors;

import com.crossdeck.client.Breadcrumb;
import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last {@code capacity} breadcrumbs, oldest overwritten first (extended contract §6.7): every
 * captured error carries a copy. Lock-free: adding is one atomic increment and one slot write, so
 * breadcrumbs taken from {@code track()} cost its callers no lock. A snapshot taken while others
 * add may miss a crumb being written; it never holds one twice. Thread-safe.
 */
public final class BreadcrumbRing {

  private record Slot(long sequence, Breadcrumb crumb) {}

  private final AtomicReferenceArray<Slot> slots;
  private final AtomicLong written = new AtomicLong();
  private final CrossdeckClock clock;

  /** A ring of {@code capacity} breadcrumbs; 0 keeps none. */
  public BreadcrumbRing(int capacity, CrossdeckClock clock) {
    this.slots = new AtomicReferenceArray<>(capacity);
    this.clock = clock;
  }

  /** Adds a breadcrumb, timed now when it has no time of its own. */
  public void add(Breadcrumb crumb) {
    int capacity = slots.length();
    if (crumb == null || capacity == 0) {
      return;
    }
    Breadcrumb timed =
        crumb.timestamp() != null
            ? crumb
            : crumb.withTimestamp(Instant.ofEpochMilli(clock.currentTimeMillis()));
    long sequence = written.getAndIncrement();
    slots.set((int) (sequence % capacity), new Slot(sequence, timed));
  }

  /**
   * Adds the breadcrumb of a tracked event, as the reference SDK does for every event but errors:
   * its name as the message, its properties as the data, a category taken from the name.
   */
  public void recordEvent(Event event) {
    String name = event.name();
    if (name.startsWith("error.")) {
      return;
    }
    long millis = event.timestamp() != null ? event.timestamp() : clock.currentTimeMillis();
    add(
        new Breadcrumb(
            Instant.ofEpochMilli(millis), categoryOf(name), null, name, event.properties()));
  }

  static String categoryOf(String name) {
    if (name.startsWith("page.") || name.startsWith("navigation.")) {
      return "navigation";
    } else if (name.startsWith("element.") || name.startsWith("ui.click")) {
      return "ui.click";
    } else if (name.startsWith("http.") || name.equals("request.handled")) {
      return "http";
    }
    return "custom";
  }

  /** The breadcrumbs held, oldest first. */
  public List<Breadcrumb> snapshot() {
    int capacity = slots.length();
    long end = written.get();
    List<Breadcrumb> crumbs = new ArrayList<>((int) Math.min(capacity, end));
    for (long sequence = Math.max(0, end - capacity); sequence < end; sequence++) {
      Slot slot = slots.get((int) (sequence % capacity));
      if (slot != null && slot.sequence() == sequence) {
        crumbs.add(slot.crumb());
      }
    }
    return crumbs;
  }

  /** Forgets every breadcrumb held. */
  public void clear() {
    for (int i = 0; i < slots.length(); i++) {
      slots.set(i, null);
    }
  }
}
