package com.crossdeck.sample.renewals;

import java.time.LocalDate;

/**
 * A subscription and its next renewal.
 *
 * @param id the subscription id, such as {@code sub_ada_pro}
 * @param userId the subscriber's stable user id
 * @param plan the plan renewed
 * @param amount the price per cycle, in cents
 * @param currency the ISO currency code, lower case as Stripe writes it
 * @param cycle the number of the next renewal: 1 for the first
 * @param renewsOn the day the next renewal is due
 */
public record Subscription(
    String id,
    String userId,
    String plan,
    long amount,
    String currency,
    int cycle,
    LocalDate renewsOn) {

  /** This subscription after its renewal: the next cycle, a month later. */
  Subscription renewed() {
    return new Subscription(id, userId, plan, amount, currency, cycle + 1, renewsOn.plusMonths(1));
  }
}
