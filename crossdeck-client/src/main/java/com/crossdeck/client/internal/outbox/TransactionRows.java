package com.crossdeck.client.internal.outbox;

import com.crossdeck.client.outbox.OutboxTransactions;
import java.sql.Connection;
import java.util.Arrays;

/**
 * The events tracked in one application transaction: collected as they are tracked, written in one
 * batch on the transaction's own connection just before it commits, so they commit or roll back
 * with the business data, and counted as accepted only once the transaction committed.
 *
 * <p>Events tracked after the batch was written (by code that runs while the transaction commits)
 * and events whose write failed are handed on after the commit, to be written alone: they are
 * stored only if the transaction committed, though no longer atomically with it. Memory is bounded:
 * a transaction holds at most {@value #MAX_ROWS} events and {@value #MAX_BYTES} bytes until it
 * commits. Confined to the transaction's thread.
 */
final class TransactionRows implements OutboxTransactions.Participant, RowWriter.Rows {

  /** The most events one transaction holds until it commits. */
  static final int MAX_ROWS = 100_000;

  /** The most bytes of events one transaction holds until it commits: 64 MiB. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  /** What happens around the transaction's end; implemented by the outbox. */
  interface Outcomes {

    /** Rows were written in the transaction, which committed. */
    void committed(int rows);

    /** A row that could not be written in the transaction, which committed. */
    void committedUnwritten(byte[] payload, long createdAt);

    /** The transaction rolled back with this many events tracked in it. */
    void rolledBack(int events);

    /** Writing in the transaction failed; the transaction was left as it was. */
    void writeFailed(Exception error);
  }

  private final RowWriter writer;
  private final Outcomes outcomes;
  private byte[][] payloads = new byte[4][];
  private long[] createdAt = new long[4];
  private int size;
  private long bytes;
  private int written;
  private boolean writeAttempted;
  private boolean completed;

  TransactionRows(RowWriter writer, Outcomes outcomes) {
    this.writer = writer;
    this.outcomes = outcomes;
  }

  /** What {@link #add} did. */
  enum Added {
    /** The row will be written with the transaction. */
    HELD,
    /** The transaction already holds the most rows it may. */
    FULL,
    /** The transaction has ended; the row must be written on its own. */
    ENDED
  }

  Added add(byte[] payload, long writtenAt) {
    if (completed) {
      return Added.ENDED;
    }
    if (size == MAX_ROWS || bytes + payload.length > MAX_BYTES) {
      return Added.FULL;
    }
    if (size == payloads.length) {
      payloads = Arrays.copyOf(payloads, size * 2);
      createdAt = Arrays.copyOf(createdAt, size * 2);
    }
    payloads[size] = payload;
    createdAt[size] = writtenAt;
    size++;
    bytes += payload.length;
    return Added.HELD;
  }

  @Override
  public void beforeCommit(Connection connection) {
    if (writeAttempted || completed || size == 0) {
      return;
    }
    writeAttempted = true;
    int rows = size;
    try {
      writer.writeInTransaction(connection, this);
      written = rows;
    } catch (Exception e) {
      outcomes.writeFailed(e);
    }
  }

  @Override
  public void afterCompletion(boolean committed) {
    if (completed) {
      return;
    }
    completed = true;
    if (!committed) {
      outcomes.rolledBack(size);
      return;
    }
    if (written > 0) {
      outcomes.committed(written);
    }
    for (int i = written; i < size; i++) {
      outcomes.committedUnwritten(payloads[i], createdAt[i]);
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public byte[] payload(int index) {
    return payloads[index];
  }

  @Override
  public long createdAt(int index) {
    return createdAt[index];
  }
}
