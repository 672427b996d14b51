package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounting identity every client keeps: each accepted event is in exactly one place. */
final class Accounting {

  private Accounting() {}

  /**
   * Asserts {@code accepted = sent + dropped (every reason) + held (queued or in flight, in memory
   * or in the outbox's table)}.
   */
  static void assertBalances(CrossdeckServer client) {
    Diagnostics diagnostics = client.diagnostics();
    Diagnostics.Delivery delivery = diagnostics.delivery();
    assertThat(delivery.accepted())
        .as("accepted = sent + dropped + held in %s", diagnostics.toMap())
        .isEqualTo(
            delivery.sent()
                + delivery.droppedTotal()
                + diagnostics.queue().held()
                + diagnostics.outbox().depth());
  }
}
