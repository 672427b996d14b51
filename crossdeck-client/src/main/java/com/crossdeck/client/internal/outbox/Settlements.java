package com.crossdeck.client.internal.outbox;

import com.crossdeck.client.internal.delivery.DeliveryOutcomes;
import java.util.ArrayList;
import java.util.List;

/**
 * Outcomes the relay has decided and not yet written to the table: rows resolved (delivered, or
 * expired while held), to delete, and rows the server refused for good, to move aside. They are
 * written together, in one transaction, before the relay claims more rows or waits; should that
 * fail, they stay here and are written on the next try, so a database hiccup never makes the relay
 * count an outcome twice. Used by the relay thread only.
 */
final class Settlements {

  /**
   * Rows the server refused for good, for one reason.
   *
   * @param ids the rows
   * @param rejection why
   * @param rejectedAt when, epoch milliseconds
   */
  record Rejected(long[] ids, DeliveryOutcomes.Rejection rejection, long rejectedAt) {}

  private final List<Long> resolved = new ArrayList<>();
  private final List<Rejected> rejected = new ArrayList<>();

  void resolved(List<ClaimedRow> rows) {
    for (ClaimedRow row : rows) {
      resolved.add(row.id());
    }
  }

  void rejected(List<ClaimedRow> rows, DeliveryOutcomes.Rejection rejection, long rejectedAt) {
    long[] ids = new long[rows.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = rows.get(i).id();
    }
    rejected.add(new Rejected(ids, rejection, rejectedAt));
  }

  boolean isEmpty() {
    return resolved.isEmpty() && rejected.isEmpty();
  }

  long[] resolvedIds() {
    long[] ids = new long[resolved.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = resolved.get(i);
    }
    return ids;
  }

  List<Rejected> rejected() {
    return rejected;
  }

  /** Forgets everything, once written. */
  void clear() {
    resolved.clear();
    rejected.clear();
  }
}
