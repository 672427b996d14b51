package com.crossdeck.client.internal.outbox;

import com.crossdeck.client.internal.delivery.Batch;
import com.crossdeck.client.internal.delivery.DeliveryOutcomes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The relay's side of the table: claiming rows, keeping the claim, and writing what became of them.
 *
 * <p><b>No row is delivered twice by design.</b> A claim is taken in one short transaction: the
 * oldest unclaimed rows are locked with {@code FOR UPDATE SKIP LOCKED} (so concurrent claimers take
 * different rows and never wait for each other), and marked with this claimer's name and a lease.
 * The transaction then commits: no lock is held while the batches travel. Another claimer takes the
 * rows only once the lease has run out; the relay renews it before any attempt that could outlast
 * it, so it runs out only if this process stopped (or its clock and another instance's disagree by
 * more than the lease minus the request timeout). Rows are deleted, or moved aside, only by the
 * claimer that holds them. Used by the relay thread only.
 */
final class RowClaims {

  private static final int MAX_CODE_CHARS = 64;
  private static final int MAX_MESSAGE_CHARS = 1000;

  /**
   * What one claim took.
   *
   * @param batches the claimed rows, in batches, oldest first
   * @param expired rows found older than the age limit, deleted instead of claimed
   * @param rowsSeen rows the claim locked, expired ones included
   */
  record Claimed(List<HeldBatch> batches, int expired, int rowsSeen) {}

  /**
   * What writing settlements did.
   *
   * @param deleted resolved rows deleted
   * @param moved refused rows moved aside
   * @param lost rows no longer held by this claimer, which another claimer took over
   */
  record Settled(int deleted, int moved, int lost) {}

  private final DataSource dataSource;
  private final OutboxSql sql;
  private final String claimer;
  private final long leaseMillis;

  /**
   * @param claimer this relay's name in {@code claimed_by}, unique per process
   * @param leaseMillis how long a claim lasts unless renewed
   */
  RowClaims(DataSource dataSource, OutboxSql sql, String claimer, long leaseMillis) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.claimer = claimer;
    this.leaseMillis = leaseMillis;
  }

  String claimer() {
    return claimer;
  }

  long leaseMillis() {
    return leaseMillis;
  }

  /**
   * Claims up to {@code limit} of the oldest claimable rows, in batches; deletes those written
   * before {@code expiredBefore} instead.
   */
  Claimed claim(int limit, long nowMillis, long expiredBefore, BatchPlanner planner)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        List<ClaimedRow> rows = new ArrayList<>();
        List<Long> expired = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.selectClaimable())) {
          select.setLong(1, nowMillis);
          select.setInt(2, limit);
          try (ResultSet found = select.executeQuery()) {
            while (found.next()) {
              long id = found.getLong(1);
              long createdAt = found.getLong(2);
              if (createdAt < expiredBefore) {
                expired.add(id);
              } else {
                rows.add(
                    new ClaimedRow(
                        id, createdAt, found.getBytes(3), found.getString(4), found.getInt(5)));
              }
            }
          }
        }
        if (!expired.isEmpty()) {
          try (PreparedStatement delete = connection.prepareStatement(sql.deleteLocked())) {
            delete.setArray(1, ids(connection, expired));
            delete.executeUpdate();
          }
        }
        List<BatchPlanner.Planned> planned = planner.plan(rows);
        long leaseUntil = nowMillis + leaseMillis;
        if (!planned.isEmpty()) {
          try (PreparedStatement claim = connection.prepareStatement(sql.claim())) {
            for (BatchPlanner.Planned batch : planned) {
              claim.setString(1, claimer);
              claim.setLong(2, leaseUntil);
              claim.setString(3, batch.key());
              claim.setInt(4, batch.rows().size());
              claim.setArray(5, ids(connection, idsOf(batch.rows())));
              claim.addBatch();
            }
            claim.executeBatch();
          }
        }
        connection.commit();
        List<HeldBatch> held = new ArrayList<>(planned.size());
        for (BatchPlanner.Planned batch : planned) {
          held.add(
              new HeldBatch(batchOf(batch.rows(), batch.key()), batch.rows(), true, leaseUntil));
        }
        return new Claimed(held, expired.size(), rows.size() + expired.size());
      } catch (SQLException | RuntimeException e) {
        Connections.rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * Extends the claim on a batch's rows and records the batch's key and size in them.
   *
   * @return how many of its rows this claimer still held (and now holds longer)
   */
  int renew(HeldBatch batch, long leaseUntil) throws SQLException {
    try (Connection connection = Connections.autoCommitting(dataSource);
        PreparedStatement renew = connection.prepareStatement(sql.renew())) {
      renew.setLong(1, leaseUntil);
      renew.setString(2, batch.batch().idempotencyKey());
      renew.setInt(3, batch.rows().size());
      renew.setArray(4, ids(connection, idsOf(batch.rows())));
      renew.setString(5, claimer);
      return renew.executeUpdate();
    }
  }

  /** The rows of a batch this claimer still holds. */
  List<ClaimedRow> stillHeld(HeldBatch batch) throws SQLException {
    List<Long> held = new ArrayList<>();
    try (Connection connection = Connections.autoCommitting(dataSource);
        PreparedStatement select = connection.prepareStatement(sql.stillHeld())) {
      select.setArray(1, ids(connection, idsOf(batch.rows())));
      select.setString(2, claimer);
      try (ResultSet found = select.executeQuery()) {
        while (found.next()) {
          held.add(found.getLong(1));
        }
      }
    }
    List<ClaimedRow> rows = new ArrayList<>(held.size());
    for (ClaimedRow row : batch.rows()) {
      if (held.contains(row.id())) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** Writes every settlement in one transaction. */
  Settled settle(Settlements settlements) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        long[] resolved = settlements.resolvedIds();
        int deleted = resolved.length == 0 ? 0 : deleteHeld(connection, resolved);
        int expected = resolved.length;
        int moved = 0;
        for (Settlements.Rejected rejected : settlements.rejected()) {
          expected += rejected.ids().length;
          moved += copyRejected(connection, rejected);
          deleteHeld(connection, rejected.ids());
        }
        connection.commit();
        return new Settled(deleted, moved, expected - deleted - moved);
      } catch (SQLException | RuntimeException e) {
        Connections.rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /** Lets go of every row this claimer holds, so others may claim them at once. */
  int releaseAll() throws SQLException {
    try (Connection connection = Connections.autoCommitting(dataSource);
        PreparedStatement release = connection.prepareStatement(sql.releaseAll())) {
      release.setString(1, claimer);
      return release.executeUpdate();
    }
  }

  private int deleteHeld(Connection connection, long[] ids) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(sql.deleteHeld())) {
      delete.setArray(1, ids(connection, ids));
      delete.setString(2, claimer);
      return delete.executeUpdate();
    }
  }

  private int copyRejected(Connection connection, Settlements.Rejected rejected)
      throws SQLException {
    DeliveryOutcomes.Rejection why = rejected.rejection();
    try (PreparedStatement copy = connection.prepareStatement(sql.copyRejected())) {
      copy.setLong(1, rejected.rejectedAt());
      copy.setString(2, why.reason().tag());
      copy.setInt(3, why.status());
      copy.setString(4, truncate(why.code(), MAX_CODE_CHARS));
      copy.setString(5, truncate(why.message(), MAX_MESSAGE_CHARS));
      copy.setArray(6, ids(connection, rejected.ids()));
      copy.setString(7, claimer);
      return copy.executeUpdate();
    }
  }

  private static Batch batchOf(List<ClaimedRow> rows, String key) {
    List<byte[]> events = new ArrayList<>(rows.size());
    for (ClaimedRow row : rows) {
      events.add(row.payload());
    }
    return new Batch(events, key);
  }

  static long[] idsOf(List<ClaimedRow> rows) {
    long[] ids = new long[rows.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = rows.get(i).id();
    }
    return ids;
  }

  private static Array ids(Connection connection, List<Long> ids) throws SQLException {
    return connection.createArrayOf("BIGINT", ids.toArray(new Long[0]));
  }

  private static Array ids(Connection connection, long[] ids) throws SQLException {
    Long[] boxed = new Long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      boxed[i] = ids[i];
    }
    return connection.createArrayOf("BIGINT", boxed);
  }

  private static String truncate(String text, int maxChars) {
    return text == null || text.length() <= maxChars ? text : text.substring(0, maxChars);
  }
}
