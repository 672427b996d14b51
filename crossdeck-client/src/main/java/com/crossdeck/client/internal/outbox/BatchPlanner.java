package com.crossdeck.client.internal.outbox;

import com.crossdeck.client.internal.ApiContract;
import com.crossdeck.client.internal.encoding.Envelope;
import com.crossdeck.client.internal.encoding.RequestBudget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Groups claimed rows into batches. Rows still carrying a batch's key travel again in exactly that
 * batch, under that key, when every row of it was claimed: a batch sent just before a crash is
 * resent after the restart with the same {@code Idempotency-Key} and the same body, so the server
 * replays its answer. Every other row joins a new batch of up to the API's 100 events and 1 MB, in
 * the order of the rows, under a new key: rows waiting in the table are a backlog already, and full
 * requests deliver it soonest. Used by the relay thread only.
 */
final class BatchPlanner {

  /**
   * A batch to claim rows in.
   *
   * @param rows its rows, in order
   * @param key its {@code Idempotency-Key}
   * @param reused whether the key is the one the rows already record
   */
  record Planned(List<ClaimedRow> rows, String key, boolean reused) {}

  private final Envelope envelope;
  private final Supplier<String> newKey;

  BatchPlanner(Envelope envelope, Supplier<String> newKey) {
    this.envelope = envelope;
    this.newKey = newKey;
  }

  /** Plans the batches of rows claimed together, given in the order of their ids. */
  List<Planned> plan(List<ClaimedRow> rows) {
    Map<String, List<ClaimedRow>> earlierBatches = new LinkedHashMap<>();
    for (ClaimedRow row : rows) {
      if (row.batchKey() != null) {
        earlierBatches.computeIfAbsent(row.batchKey(), key -> new ArrayList<>()).add(row);
      }
    }
    List<Planned> planned = new ArrayList<>();
    Set<String> resent = new HashSet<>();
    List<ClaimedRow> fresh = new ArrayList<>();
    RequestBudget budget = new RequestBudget(envelope, ApiContract.MAX_EVENTS_PER_REQUEST);
    for (ClaimedRow row : rows) {
      List<ClaimedRow> earlier = row.batchKey() == null ? null : earlierBatches.get(row.batchKey());
      if (earlier != null && earlier.size() == row.batchSize()) {
        if (resent.add(row.batchKey())) {
          closeFresh(planned, fresh, budget);
          planned.add(new Planned(earlier, row.batchKey(), true));
        }
        continue;
      }
      if (!budget.fits(row.payload())) {
        closeFresh(planned, fresh, budget);
      }
      fresh.add(row);
      budget.add(row.payload());
      if (budget.isFull()) {
        closeFresh(planned, fresh, budget);
      }
    }
    closeFresh(planned, fresh, budget);
    return planned;
  }

  private void closeFresh(List<Planned> planned, List<ClaimedRow> fresh, RequestBudget budget) {
    if (!fresh.isEmpty()) {
      planned.add(new Planned(List.copyOf(fresh), newKey.get(), false));
      fresh.clear();
    }
    budget.reset();
  }
}
