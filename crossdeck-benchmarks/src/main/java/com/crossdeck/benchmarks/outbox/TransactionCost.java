package com.crossdeck.benchmarks.outbox;

import com.crossdeck.benchmarks.sdk.CrossdeckDriver;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.CrossdeckServerBuilder;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What tracking adds to a business transaction (insert one order, commit): timed without tracking,
 * with a bare JDBC insert of one row, and with one and with ten events tracked in it through each
 * path; then {@code track()} alone, outside any transaction.
 *
 * <p>This is the caller's cost: delivery waits until each block of at most {@value #BLOCK_EVENTS}
 * events is over (neither the sender nor the relay wakes for fewer than a full request of 100),
 * then runs untimed; what delivering costs is the benchmark's other measures. The variants take
 * turns block by block, so load from elsewhere on the machine spreads over all of them; a first
 * pass warms up and is not counted. Each variant's median transaction is reported.
 */
final class TransactionCost {

  /** Events tracked in one block of transactions, before the next variant's turn. */
  private static final int BLOCK_EVENTS = 90;

  private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);

  private final OrderTransactions transactions;
  private final AtomicLong orderIds;
  private final byte[] bareRow;
  private final int perVariant;
  private int sequence;

  /**
   * @param transactions the business transactions
   * @param orderIds the order ids, shared with the other measures
   * @param bareRow the row the bare insert writes
   * @param perVariant about how many transactions each variant times
   */
  TransactionCost(
      OrderTransactions transactions, AtomicLong orderIds, byte[] bareRow, int perVariant) {
    this.transactions = transactions;
    this.orderIds = orderIds;
    this.bareRow = bareRow;
    this.perVariant = perVariant;
  }

  /** Times every variant with clients built from these builders, into {@code values}. */
  void measure(
      Map<String, Double> values,
      CrossdeckServerBuilder memoryClient,
      CrossdeckServerBuilder outboxClient)
      throws SQLException {
    try (CrossdeckServer memory = deferred(memoryClient).build();
        CrossdeckServer outbox = deferred(outboxClient).build()) {
      List<Variant> variants =
          List.of(
              new Variant("tx none µs", null, 0),
              new Variant("tx bare 1 µs", null, 1),
              new Variant("tx memory 1 µs", memory, 1),
              new Variant("tx outbox 1 µs", outbox, 1),
              new Variant("tx memory 10 µs", memory, 10),
              new Variant("tx outbox 10 µs", outbox, 10));
      int turns = Math.max(1, perVariant / BLOCK_EVENTS);
      for (int pass = 0; pass < 2; pass++) {
        List<long[]> nanos = new ArrayList<>();
        for (Variant variant : variants) {
          nanos.add(new long[turns * variant.block()]);
        }
        for (int turn = 0; turn < turns; turn++) {
          for (int v = 0; v < variants.size(); v++) {
            Variant variant = variants.get(v);
            timedBlock(variant, nanos.get(v), turn * variant.block());
          }
        }
        for (int v = 0; pass == 1 && v < variants.size(); v++) {
          values.put(variants.get(v).name(), medianMicros(nanos.get(v)));
        }
      }
      values.put("alone memory µs", microsPerTrack(memory));
      values.put("alone outbox µs", microsPerTrack(outbox));
    }
  }

  /**
   * Transactions that each track {@code events} through {@code client}; with no client, that many
   * bare inserts.
   */
  private record Variant(String name, CrossdeckServer client, int events) {

    /** Transactions per block: {@value #BLOCK_EVENTS} events' worth. */
    int block() {
      return BLOCK_EVENTS / Math.max(1, events);
    }
  }

  /** Times each transaction of a block into {@code nanos}, from {@code offset}. */
  private void timedBlock(Variant variant, long[] nanos, int offset) throws SQLException {
    for (int t = 0; t < variant.block(); t++) {
      long start = System.nanoTime();
      transactions.placeOrder(
          orderIds.incrementAndGet(),
          connection -> {
            for (int e = 0; e < variant.events(); e++) {
              if (variant.client() == null) {
                OrderTransactions.insertBareRow(connection, bareRow);
              } else {
                variant.client().track(CrossdeckDriver.event(sequence++));
              }
            }
          });
      nanos[offset + t] = System.nanoTime() - start;
    }
    if (variant.client() != null) {
      variant.client().flush(DELIVERY_TIMEOUT);
    }
  }

  private double microsPerTrack(CrossdeckServer client) {
    long[] nanos = new long[perVariant];
    for (int pass = 0; pass < 2; pass++) {
      for (int t = 0; t < nanos.length; t++) {
        long start = System.nanoTime();
        client.track(CrossdeckDriver.event(sequence++));
        nanos[t] = System.nanoTime() - start;
      }
      client.flush(DELIVERY_TIMEOUT);
    }
    return medianMicros(nanos);
  }

  /** A client that delivers only full requests or when flushed: none fills in one block. */
  private static CrossdeckServerBuilder deferred(CrossdeckServerBuilder builder) {
    return builder.eventFlushBatchSize(100).eventFlushInterval(Duration.ofMinutes(10));
  }

  /**
   * The median, in microseconds: on a shared machine a transaction now and then waits for a core,
   * and the median is the cost without those waits.
   */
  private static double medianMicros(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1_000.0;
  }
}
