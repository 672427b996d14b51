package com.crossdeck.client.internal.encoding;

import com.crossdeck.client.internal.ApiContract;

/**
 * Decides which encoded events fit in one {@code POST /events}: at most {@link
 * ApiContract#MAX_EVENTS_PER_REQUEST} events (or fewer, if asked) and a body of at most {@link
 * ApiContract#MAX_BODY_BYTES} with its envelope. Both the sender's batcher and the importer's
 * chunker fill requests through it, so the two cannot disagree on what a request may hold. An event
 * too large to share a request still goes alone; the server's 413 then decides its fate. Not
 * thread-safe.
 */
public final class RequestBudget {

  private final Envelope envelope;
  private final int maxEvents;
  private int events;
  private long bodyBytes;

  /**
   * @param envelope the envelope the events will be sent in
   * @param maxEvents the most events wanted per request; capped at the API's limit
   */
  public RequestBudget(Envelope envelope, int maxEvents) {
    this.envelope = envelope;
    this.maxEvents = Math.min(maxEvents, ApiContract.MAX_EVENTS_PER_REQUEST);
    this.bodyBytes = envelope.fixedBytes();
  }

  /** Whether {@code event} may join the request being filled. */
  public boolean fits(byte[] event) {
    if (events == 0) {
      return true;
    }
    return events < maxEvents
        && bodyBytes + event.length + envelope.perEventBytes() <= ApiContract.MAX_BODY_BYTES;
  }

  /** Counts {@code event} into the request being filled. */
  public void add(byte[] event) {
    events++;
    bodyBytes += event.length + envelope.perEventBytes();
  }

  /** Whether no further event can join. */
  public boolean isFull() {
    return events >= maxEvents;
  }

  /** Starts a new request. */
  public void reset() {
    events = 0;
    bodyBytes = envelope.fixedBytes();
  }
}
