package com.crossdeck.client.internal;

import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.ErrorCodes;
import java.time.Duration;

/**
 * How builders check an option where it is set: one rule and one message shape for every option, a
 * {@link CrossdeckException} ({@code invalid_option}) naming the option, its valid range and the
 * value given.
 */
public final class OptionChecks {

  private OptionChecks() {}

  /** Throws unless {@code min <= value <= max}; {@code unit} follows the bounds (" bytes"). */
  public static void requireRange(String option, long value, long min, long max, String unit) {
    if (value < min || value > max) {
      throw invalid(option + " must be between " + min + " and " + max + unit + ", got " + value);
    }
  }

  /** Throws unless {@code value} is given and {@code min <= value <= max}. */
  public static void requireDuration(String option, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw invalid(
          option
              + " must be between "
              + min.toMillis()
              + " ms and "
              + max.toMillis()
              + " ms, got "
              + (value == null ? "null" : value.toMillis() + " ms"));
    }
  }

  /** An {@code invalid_option} configuration error with this message. */
  public static CrossdeckException invalid(String message) {
    return CrossdeckException.builder(ErrorCodes.TYPE_CONFIGURATION, ErrorCodes.INVALID_OPTION)
        .message(message)
        .build();
  }
}
