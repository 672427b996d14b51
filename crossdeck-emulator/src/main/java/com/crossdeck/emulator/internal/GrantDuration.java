package com.crossdeck.emulator.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How long a manual grant lasts: {@code lifetime} (no expiry) or an ISO-8601 period of days, weeks,
 * months or years such as the contract's {@code P30D}, {@code P90D} and {@code P1Y}. Months and
 * years are calendar months and years in UTC; the expiry is cut to whole seconds and may not pass
 * the end of the year 9999.
 */
final class GrantDuration {

  static final String LIFETIME = "lifetime";

  private final Period period; // null for lifetime

  private GrantDuration(Period period) {
    this.period = period;
  }

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException with a message for the caller when it is not one
   */
  static GrantDuration parse(String value) {
    if (value.equals(LIFETIME)) {
      return new GrantDuration(null);
    }
    try {
      Period period = Period.parse(value);
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("duration must be longer than zero");
      }
      return new GrantDuration(period);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "duration must be lifetime or an ISO-8601 period such as P30D, P90D or P1Y");
    }
  }

  /**
   * When a grant made at {@code now} ends; empty for a lifetime grant.
   *
   * @throws IllegalArgumentException when that is after the end of the year 9999
   */
  Optional<Instant> endFrom(Instant now) {
    if (period == null) {
      return Optional.empty();
    }
    try {
      Instant end = now.atOffset(ZoneOffset.UTC).plus(period).toInstant();
      if (end.toEpochMilli() > EventValidator.MAX_TIMESTAMP) {
        throw new DateTimeException("after 9999");
      }
      return Optional.of(end.truncatedTo(ChronoUnit.SECONDS));
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException("duration must end before the year 10000");
    }
  }
}
