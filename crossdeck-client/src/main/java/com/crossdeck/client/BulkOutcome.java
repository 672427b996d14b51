package com.crossdeck.client;

/**
 * What became of one input of a bulk grant or revocation: its result, or the error that call
 * raised. A bulk call returns one per input, in input order, and never stops early.
 *
 * @param input the grant or revocation
 * @param result Crossdeck's answer, or {@code null} when the call failed
 * @param error why the call failed, or {@code null} when it succeeded
 * @param <I> {@link EntitlementGrant} or {@link EntitlementRevoke}
 */
public record BulkOutcome<I>(I input, EntitlementMutation result, CrossdeckException error) {

  /** Whether the call succeeded. */
  public boolean ok() {
    return error == null;
  }
}
