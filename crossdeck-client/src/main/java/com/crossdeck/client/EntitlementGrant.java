package com.crossdeck.client;

import java.time.Period;

/**
 * A manual grant of an entitlement to a customer ({@code POST /server/customers/{id}/grant},
 * extended contract §3.1).
 *
 * <pre>{@code
 * crossdeck.entitlements().grant(
 *     EntitlementGrant.forPeriod(customerId, "pro", Period.ofDays(30), "Support recovery"));
 * }</pre>
 *
 * @param customerId the customer's Crossdeck id ({@code cdcust_…})
 * @param entitlementKey the entitlement to grant, for example {@code pro}
 * @param duration {@code P30D}, {@code P90D}, {@code P1Y} (ISO-8601 periods) or {@code lifetime}
 * @param reason why, kept in the audit log; may be {@code null}
 */
public record EntitlementGrant(
    String customerId, String entitlementKey, String duration, String reason) {

  /** The duration of a grant that never expires. */
  public static final String LIFETIME = "lifetime";

  /** A grant for {@code period}, such as {@code Period.ofDays(30)} ({@code P30D}). */
  public static EntitlementGrant forPeriod(
      String customerId, String entitlementKey, Period period, String reason) {
    return new EntitlementGrant(customerId, entitlementKey, period.toString(), reason);
  }

  /** A grant that never expires. */
  public static EntitlementGrant lifetime(String customerId, String entitlementKey, String reason) {
    return new EntitlementGrant(customerId, entitlementKey, LIFETIME, reason);
  }
}
