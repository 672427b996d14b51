package com.crossdeck.client.internal.delivery;

import com.crossdeck.client.internal.ApiContract;
import com.crossdeck.client.internal.encoding.Envelope;
import com.crossdeck.client.internal.encoding.RequestBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Takes the next batch from the queue for the sender: up to {@code batchSize} events, or up to the
 * API's 100 once a backlog of two batches waits, within the body limit. An event that would push
 * the body past 1 MB is carried over to the next batch. Taking stops at a flush marker, which is
 * handed to the {@link FlushMarkers}. Used by the sender thread only.
 */
final class Batcher {

  private final EventQueue queue;
  private final FlushMarkers markers;
  private final int batchSize;
  private final Supplier<String> newKey;
  private byte[] carryOver;

  Batcher(EventQueue queue, FlushMarkers markers, int batchSize, Supplier<String> newKey) {
    this.queue = queue;
    this.markers = markers;
    this.batchSize = batchSize;
    this.newKey = newKey;
  }

  /**
   * Takes the next batch: {@code batchSize} events normally, but up to the server's limit of 100
   * when at least two batches' worth are waiting. Such a backlog (a burst, or the events that piled
   * up during an outage) is already late; catching up in full requests cuts the number of round
   * trips by up to five times, and with it the time until the backlog is delivered.
   *
   * @return the batch, or {@code null} when nothing was waiting
   */
  Batch take(Envelope envelope) {
    int limit = queue.size() >= 2 * batchSize ? ApiContract.MAX_EVENTS_PER_REQUEST : batchSize;
    RequestBudget budget = new RequestBudget(envelope, limit);
    List<byte[]> events = new ArrayList<>(limit);
    if (carryOver != null) {
      events.add(carryOver);
      budget.add(carryOver);
      carryOver = null;
    }
    int taken = 0;
    long takenBytes = 0;
    while (!budget.isFull()) {
      Object item = queue.poll();
      if (item == null) {
        break;
      }
      if (item instanceof FlushMarker marker) {
        markers.reached(marker);
        break;
      }
      byte[] event = (byte[]) item;
      taken++;
      takenBytes += event.length;
      if (!budget.fits(event)) {
        carryOver = event;
        break;
      }
      events.add(event);
      budget.add(event);
    }
    queue.release(taken, takenBytes);
    return events.isEmpty() ? null : new Batch(events, newKey.get());
  }

  /** Whether an event taken from the queue waits for the next batch. */
  boolean holdsCarryOver() {
    return carryOver != null;
  }

  /** Lets go of the carried-over event, for the final drain; returns how many were held. */
  int dropCarryOver() {
    int held = carryOver == null ? 0 : 1;
    carryOver = null;
    return held;
  }
}
