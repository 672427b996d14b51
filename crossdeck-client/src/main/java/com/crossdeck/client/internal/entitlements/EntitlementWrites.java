package com.crossdeck.client.internal.entitlements;

import com.crossdeck.client.BulkOutcome;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.EntitlementGrant;
import com.crossdeck.client.EntitlementMutation;
import com.crossdeck.client.EntitlementRevoke;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.internal.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Manual grants and revocations (extended contract §3): one POST each, never retried (a retry after
 * a lost answer could apply a grant twice). Unlike the reference SDK, which leaves its cache
 * untouched, a successful change is applied to the cached customer at once and makes the entry due
 * for a refresh, so this process never answers from the state before its own change. Bulk variants
 * fan out with bounded concurrency. Thread-safe.
 */
public final class EntitlementWrites {

  /** Calls in flight at once for a bulk operation, unless asked otherwise; as the reference SDK. */
  public static final int DEFAULT_MAX_CONCURRENCY = 5;

  /** The most calls a bulk operation may have in flight. */
  public static final int MAX_CONCURRENCY = 64;

  private final EntitlementCalls calls;
  private final EntitlementCache cache;
  private final AtomicInteger bulkThreads = new AtomicInteger();

  EntitlementWrites(EntitlementCalls calls, EntitlementCache cache) {
    this.calls = calls;
    this.cache = cache;
  }

  /** Grants an entitlement and updates the cached customer. */
  public EntitlementMutation grant(EntitlementGrant grant) {
    String customerId =
        Require.text(
            grant.customerId(), ErrorCodes.MISSING_CUSTOMER_ID, "customerId", "grantEntitlement");
    Require.text(
        grant.entitlementKey(),
        ErrorCodes.MISSING_ENTITLEMENT_KEY,
        "entitlementKey",
        "grantEntitlement");
    Require.text(grant.duration(), ErrorCodes.MISSING_DURATION, "duration", "grantEntitlement");
    EntitlementMutation mutation =
        calls.grant(customerId, grant.entitlementKey(), grant.duration(), grant.reason());
    cache.apply(customerId, mutation);
    return mutation;
  }

  /** Revokes an entitlement and updates the cached customer. */
  public EntitlementMutation revoke(EntitlementRevoke revoke) {
    String customerId =
        Require.text(
            revoke.customerId(), ErrorCodes.MISSING_CUSTOMER_ID, "customerId", "revokeEntitlement");
    Require.text(
        revoke.entitlementKey(),
        ErrorCodes.MISSING_ENTITLEMENT_KEY,
        "entitlementKey",
        "revokeEntitlement");
    EntitlementMutation mutation =
        calls.revoke(customerId, revoke.entitlementKey(), revoke.reason());
    cache.apply(customerId, mutation);
    return mutation;
  }

  /** {@link #grant} for each input; see {@link #fanOut}. */
  public List<BulkOutcome<EntitlementGrant>> grantAll(
      List<EntitlementGrant> grants, int maxConcurrency) {
    return fanOut(grants, maxConcurrency, this::grant);
  }

  /** {@link #revoke} for each input; see {@link #fanOut}. */
  public List<BulkOutcome<EntitlementRevoke>> revokeAll(
      List<EntitlementRevoke> revokes, int maxConcurrency) {
    return fanOut(revokes, maxConcurrency, this::revoke);
  }

  /**
   * Runs {@code call} for every input, at most {@code maxConcurrency} at once, starting them in
   * input order: the calling thread works through the inputs with up to {@code maxConcurrency - 1}
   * short-lived daemon threads ({@code crossdeck-bulk-N}), and returns when every call has ended.
   * It never stops early: each input gets its outcome, in input order; an error that is not a
   * Crossdeck error becomes {@code internal_error} / {@code bulk_operation_failed}.
   *
   * @throws IllegalArgumentException when {@code maxConcurrency} is not between 1 and {@value
   *     #MAX_CONCURRENCY}
   */
  <I> List<BulkOutcome<I>> fanOut(
      List<I> inputs, int maxConcurrency, Function<I, EntitlementMutation> call) {
    if (maxConcurrency < 1 || maxConcurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException(
          "maxConcurrency must be between 1 and " + MAX_CONCURRENCY + ", got " + maxConcurrency);
    }
    List<I> work = inputs == null ? List.of() : new ArrayList<>(inputs);
    @SuppressWarnings("unchecked")
    BulkOutcome<I>[] outcomes = new BulkOutcome[work.size()];
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < work.size(); i = next.getAndIncrement()) {
            outcomes[i] = attempt(work.get(i), call);
          }
        };
    List<Thread> helpers = new ArrayList<>();
    for (int i = 1; i < Math.min(maxConcurrency, work.size()); i++) {
      Thread helper = new Thread(worker, "crossdeck-bulk-" + bulkThreads.incrementAndGet());
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    worker.run();
    joinAll(helpers);
    return List.of(outcomes);
  }

  private static <I> BulkOutcome<I> attempt(I input, Function<I, EntitlementMutation> call) {
    try {
      return new BulkOutcome<>(input, call.apply(input), null);
    } catch (CrossdeckException e) {
      return new BulkOutcome<>(input, null, e);
    } catch (Throwable e) {
      return new BulkOutcome<>(
          input,
          null,
          CrossdeckException.builder(ErrorCodes.TYPE_INTERNAL, ErrorCodes.BULK_OPERATION_FAILED)
              .message("The call failed with " + e)
              .cause(e)
              .build());
    }
  }

  /** Waits for every helper; an interrupt is kept for the caller, never cut short. */
  private static void joinAll(List<Thread> helpers) {
    boolean interrupted = false;
    for (Thread helper : helpers) {
      while (helper.isAlive()) {
        try {
          helper.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
