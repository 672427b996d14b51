package com.crossdeck.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A parsed {@code Crossdeck-Signature} header, and the checks of its timestamp and signatures.
 *
 * <p>Parsing follows the wire contract §i: parts split on {@code ,}, each {@code key=value}
 * trimmed, in any order, unknown keys ignored so that a future scheme ({@code v2=}) does not break
 * this verifier. As in the reference SDK, a {@code t} or {@code v1} with an invalid value is
 * skipped and a later valid {@code t} replaces an earlier one; unlike it, every valid {@code v1} is
 * kept and any of them may match.
 *
 * @param timestampSeconds the signed time in whole unix seconds, positive
 * @param signatures the candidate signatures, lower-case hex
 */
record WebhookSignatureHeader(long timestampSeconds, List<String> signatures) {

  // The reference SDK accepts any finite number and floors it; exponent notation is left out
  // because no signer emits it.
  private static final Pattern SECONDS = Pattern.compile("([0-9]+)(?:\\.[0-9]*)?");
  private static final Pattern HEX_DIGITS = Pattern.compile("[0-9a-fA-F]+");
  // A long holds 19 digits. A longer t is refused before it is parsed at all: parsing a number of
  // a million digits would cost seconds of CPU for an unauthenticated request.
  private static final int MAX_SECONDS_DIGITS = 19;
  // A real header is a timestamp and a few 64-digit signatures; anything far longer is refused
  // whole, before it is split or copied.
  private static final int MAX_HEADER_CHARS = 8192;
  private static final int MAX_TIMESTAMP_CHARS = 32;
  private static final String HMAC_SHA256 = "HmacSHA256";
  private static final int SIGNATURE_HEX_LENGTH = 64;

  WebhookSignatureHeader {
    signatures = List.copyOf(signatures);
  }

  /**
   * Parses a header value.
   *
   * @throws CrossdeckException {@code webhook_timestamp_missing} when the header is missing, blank
   *     or longer than {@value #MAX_HEADER_CHARS} characters, or has no positive {@code t} of at
   *     most 19 digits or no hexadecimal {@code v1}
   */
  static WebhookSignatureHeader parse(String header) {
    if (header == null || header.isBlank()) {
      throw malformed(Webhooks.SIGNATURE_HEADER + " header is missing");
    }
    if (header.length() > MAX_HEADER_CHARS) {
      throw malformed(
          Webhooks.SIGNATURE_HEADER + " header is longer than " + MAX_HEADER_CHARS + " characters");
    }
    long timestampSeconds = 0;
    List<String> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      int equals = part.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String key = part.substring(0, equals).trim();
      String value = part.substring(equals + 1).trim();
      if (key.equals("t")) {
        long parsed = seconds(value);
        timestampSeconds = parsed > 0 ? parsed : timestampSeconds;
      } else if (key.equals("v1") && HEX_DIGITS.matcher(value).matches()) {
        signatures.add(value.toLowerCase(Locale.ROOT));
      }
    }
    if (timestampSeconds <= 0) {
      throw malformed(
          Webhooks.SIGNATURE_HEADER + " header has no t= timestamp in positive unix seconds");
    }
    if (signatures.isEmpty()) {
      throw malformed(Webhooks.SIGNATURE_HEADER + " header has no hexadecimal v1= signature");
    }
    return new WebhookSignatureHeader(timestampSeconds, signatures);
  }

  /**
   * Rejects a timestamp further than {@code tolerance} from the clock's current second, in either
   * direction: a past one may be a replay, a future one would stay replayable for longer.
   *
   * @throws CrossdeckException {@code webhook_timestamp_outside_tolerance}
   */
  void requireWithin(Duration tolerance, Clock clock) {
    long drift = clock.instant().getEpochSecond() - timestampSeconds;
    if (Duration.ofSeconds(Math.abs(drift)).compareTo(tolerance) > 0) {
      throw new CrossdeckException(
          ErrorCodes.TYPE_AUTHENTICATION,
          ErrorCodes.WEBHOOK_TIMESTAMP_OUTSIDE_TOLERANCE,
          String.format(
              "%s timestamp %d is %d s in the %s; tolerance is %s",
              Webhooks.SIGNATURE_HEADER,
              timestampSeconds,
              Math.abs(drift),
              drift > 0 ? "past" : "future",
              tolerance.toMillis() % 1000 == 0
                  ? tolerance.toSeconds() + " s"
                  : tolerance.toMillis() + " ms"));
    }
  }

  /**
   * Requires one of the signatures to be the HMAC of {@code payload} under one of {@code keys},
   * compared in constant time.
   *
   * @throws CrossdeckException {@code webhook_signature_mismatch}
   */
  void requireSignedWithAnyOf(List<byte[]> keys, byte[] payload) {
    // An HMAC-SHA256 is 64 hex digits; any other length cannot match, and skipping it before
    // decoding avoids the odd-length case. Lengths are public, so this leaks nothing.
    List<byte[]> candidates =
        signatures.stream()
            .filter(signature -> signature.length() == SIGNATURE_HEX_LENGTH)
            .map(HexFormat.of()::parseHex)
            .toList();
    for (byte[] key : keys) {
      byte[] expected = hmac(key, timestampSeconds, payload);
      for (byte[] candidate : candidates) {
        if (MessageDigest.isEqual(expected, candidate)) {
          return;
        }
      }
    }
    throw new CrossdeckException(
        ErrorCodes.TYPE_AUTHENTICATION,
        ErrorCodes.WEBHOOK_SIGNATURE_MISMATCH,
        String.format(
            "%s matches none of the %d signing secret(s); check the secret and that the body is"
                + " passed exactly as received",
            Webhooks.SIGNATURE_HEADER, keys.size()));
  }

  /** HMAC-SHA256 of {@code "<timestampSeconds>.<payload>"} keyed with {@code key}. */
  static byte[] hmac(byte[] key, long timestampSeconds, byte[] payload) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(new SecretKeySpec(key, HMAC_SHA256));
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      // Every Java SE implementation is required to provide HmacSHA256.
      throw new IllegalStateException(HMAC_SHA256 + " is not available", e);
    }
  }

  /**
   * Whole seconds of a decimal value, or 0 when it is not a positive number of at most {@value
   * #MAX_SECONDS_DIGITS} integer digits ({@value #MAX_TIMESTAMP_CHARS} characters in all).
   */
  private static long seconds(String value) {
    int dot = value.indexOf('.');
    int integerDigits = dot < 0 ? value.length() : dot;
    if (integerDigits > MAX_SECONDS_DIGITS || value.length() > MAX_TIMESTAMP_CHARS) {
      return 0;
    }
    Matcher matcher = SECONDS.matcher(value);
    if (!matcher.matches()) {
      return 0;
    }
    try {
      return Long.parseLong(matcher.group(1));
    } catch (NumberFormatException e) {
      // 19 digits beyond Long.MAX_VALUE: still a timestamp, far in the future, so it saturates
      // and is rejected as outside the tolerance.
      return Long.MAX_VALUE;
    }
  }

  private static CrossdeckException malformed(String message) {
    return new CrossdeckException(
        ErrorCodes.TYPE_AUTHENTICATION, ErrorCodes.WEBHOOK_TIMESTAMP_MISSING, message);
  }
}
