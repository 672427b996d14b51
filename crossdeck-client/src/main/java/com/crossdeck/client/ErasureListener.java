package com.crossdeck.client;

/**
 * Told after {@link CrossdeckServer#forget} succeeded and the client wiped its own traces of the
 * person, so that other parts of the application (the Spring starter's identity memory, an
 * application cache) can forget them too. Called on the thread that called {@code forget}; whatever
 * it throws is caught and logged.
 */
@FunctionalInterface
public interface ErasureListener {

  /**
   * The person named by {@code hints} was erased.
   *
   * @param hints the hints {@code forget} was given
   * @param result Crossdeck's answer
   */
  void onErased(IdentityHints hints, ForgetResult result);
}
