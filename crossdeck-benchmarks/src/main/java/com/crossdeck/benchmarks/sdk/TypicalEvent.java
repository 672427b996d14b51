package com.crossdeck.benchmarks.sdk;

import java.time.Instant;

/**
 * The one event every SDK tracks in every benchmark: a name, one user id and five properties of
 * mixed types (string, int, double, boolean, {@link Instant}).
 *
 * <p>The int property {@value #ORDER_NUMBER} carries the harness's sequence number, so the sink can
 * count delivered and duplicated events identically for every SDK, whatever ids the SDK adds. The
 * other values stand for data an application already holds (its user ids, a plan name, a renewal
 * date), so they are shared rather than rebuilt per call; the int and the double are boxed per
 * call, as they would be in an application.
 */
public final class TypicalEvent {

  /** The event name. */
  public static final String NAME = "checkout_completed";

  /** The string property. */
  public static final String PLAN = "plan";

  /** The int property; its value is the harness's sequence number. */
  public static final String ORDER_NUMBER = "order_number";

  /** The double property. */
  public static final String AMOUNT = "amount";

  /** The boolean property. */
  public static final String TRIAL = "trial";

  /** The {@link Instant} property. */
  public static final String RENEWS_AT = "renews_at";

  /** The value of {@link #PLAN}. */
  public static final String PLAN_VALUE = "pro";

  /** The value of {@link #AMOUNT}. */
  public static final double AMOUNT_VALUE = 49.99;

  /** The value of {@link #RENEWS_AT}. */
  public static final Instant RENEWS_AT_VALUE = Instant.parse("2027-01-31T12:00:00Z");

  private static final String[] USER_IDS = new String[1024];

  static {
    for (int i = 0; i < USER_IDS.length; i++) {
      USER_IDS[i] = "user_" + i;
    }
  }

  private TypicalEvent() {}

  /** The user the event with this sequence number belongs to; 1,024 distinct users. */
  public static String userId(int orderNumber) {
    return USER_IDS[orderNumber & (USER_IDS.length - 1)];
  }

  /** The value of {@link #TRIAL} for this sequence number. */
  public static boolean trial(int orderNumber) {
    return (orderNumber & 7) == 0;
  }
}
