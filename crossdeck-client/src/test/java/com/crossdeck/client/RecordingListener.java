package com.crossdeck.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every callback, for assertions. */
final class RecordingListener implements CrossdeckListener {

  final List<FlushSucceeded> succeeded = new CopyOnWriteArrayList<>();
  final List<FlushFailed> failed = new CopyOnWriteArrayList<>();
  final List<EventsDropped> dropped = new CopyOnWriteArrayList<>();
  final List<PermanentFailure> permanent = new CopyOnWriteArrayList<>();
  final List<Parked> parked = new CopyOnWriteArrayList<>();
  final List<EventRejected> rejected = new CopyOnWriteArrayList<>();

  @Override
  public void onFlushSucceeded(FlushSucceeded event) {
    succeeded.add(event);
  }

  @Override
  public void onFlushFailed(FlushFailed event) {
    failed.add(event);
  }

  @Override
  public void onEventsDropped(EventsDropped event) {
    dropped.add(event);
  }

  @Override
  public void onPermanentFailure(PermanentFailure event) {
    permanent.add(event);
  }

  @Override
  public void onParked(Parked event) {
    parked.add(event);
  }

  @Override
  public void onEventRejected(EventRejected event) {
    rejected.add(event);
  }
}
