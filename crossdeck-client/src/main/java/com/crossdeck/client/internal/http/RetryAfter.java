package com.crossdeck.client.internal.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parses {@code Retry-After}: delay-seconds (decimals accepted) or an HTTP-date. */
public final class RetryAfter {

  private static final Pattern DELAY_SECONDS = Pattern.compile("\\d+(\\.\\d+)?");

  private RetryAfter() {}

  /**
   * Returns the wait the header asks for, or {@code null} when absent or unreadable.
   *
   * @param value the header value
   * @param nowMillis the current wall-clock time, for HTTP-dates
   */
  public static Duration parse(String value, long nowMillis) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    if (DELAY_SECONDS.matcher(trimmed).matches()) {
      double seconds = Double.parseDouble(trimmed);
      return Duration.ofMillis(Math.round(seconds * 1000));
    }
    try {
      long dateMillis =
          ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant()
              .toEpochMilli();
      return Duration.ofMillis(Math.max(0, dateMillis - nowMillis));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
