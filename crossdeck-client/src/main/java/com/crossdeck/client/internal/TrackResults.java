package com.crossdeck.client.internal;

import com.crossdeck.client.TrackResult;
import java.util.function.Function;

/**
 * Lets the pipeline create a {@link TrackResult} whose generated event id is read lazily from the
 * encoded event, without that constructor being public API. {@code TrackResult} registers its
 * factory when it is initialized.
 */
public final class TrackResults {

  private static volatile Function<byte[], TrackResult> generatedId;

  private TrackResults() {}

  /** Called once, by {@code TrackResult}'s static initializer. */
  public static void register(Function<byte[], TrackResult> factory) {
    generatedId = factory;
  }

  /** A queued result for an event whose id the SDK wrote into {@code encodedEvent}. */
  static TrackResult withGeneratedId(byte[] encodedEvent) {
    Function<byte[], TrackResult> factory = generatedId;
    if (factory == null) {
      // Any static member initializes the class, which registers the factory.
      TrackResult.rejected(null, null);
      factory = generatedId;
    }
    return factory.apply(encodedEvent);
  }
}
