package com.crossdeck.client.internal.outbox;

/**
 * A row the relay claimed.
 *
 * @param id the row's key
 * @param createdAt when it was written, epoch milliseconds
 * @param payload the complete event object, as it goes into a batch
 * @param batchKey the {@code Idempotency-Key} of the batch it last travelled in, or {@code null}
 * @param batchSize how many rows that batch had, or 0
 */
record ClaimedRow(long id, long createdAt, byte[] payload, String batchKey, int batchSize) {}
