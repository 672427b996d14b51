package com.crossdeck.client.internal.outbox;

import com.crossdeck.client.internal.delivery.Batch;
import java.util.List;

/**
 * A batch of claimed rows the relay holds until it is resolved.
 *
 * @param batch the events, in the order of {@code rows}, and their {@code Idempotency-Key}
 * @param rows the rows the events came from
 * @param keyPersisted whether the rows record this batch's key (and size), so that a relay that
 *     claims them after a restart sends them again under the same key
 * @param leaseUntil when the claim on the rows ends, epoch milliseconds
 */
record HeldBatch(Batch batch, List<ClaimedRow> rows, boolean keyPersisted, long leaseUntil) {

  long oldestCreatedAt() {
    long oldest = Long.MAX_VALUE;
    for (ClaimedRow row : rows) {
      oldest = Math.min(oldest, row.createdAt());
    }
    return oldest;
  }
}
