package com.crossdeck.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies that a webhook request was sent by Crossdeck, and signs payloads for tests.
 *
 * <p>Crossdeck signs every webhook with the {@value #SIGNATURE_HEADER} header {@code t=<unix
 * seconds>,v1=<hex>}, where {@code v1} is the HMAC-SHA256 of {@code "<t>.<raw body>"} keyed with
 * the UTF-8 bytes of the endpoint's signing secret. Verification checks, in this order, and throws
 * a {@link CrossdeckException} with the first failing check's code:
 *
 * <ol>
 *   <li>{@link ErrorCodes#WEBHOOK_MISSING_SECRET} ({@code configuration_error}): no non-blank
 *       secret was given;
 *   <li>{@link ErrorCodes#WEBHOOK_INVALID_TOLERANCE} ({@code configuration_error}): the tolerance
 *       is null, negative or longer than {@linkplain #MAX_TOLERANCE 24 hours};
 *   <li>{@link ErrorCodes#WEBHOOK_TIMESTAMP_MISSING} ({@code authentication_error}): the header is
 *       missing or longer than 8,192 characters, or has no positive {@code t} of at most 19 digits,
 *       or no hexadecimal {@code v1} (an overlong header or {@code t} is refused before it is
 *       parsed, so no header costs more than microseconds);
 *   <li>{@link ErrorCodes#WEBHOOK_TIMESTAMP_OUTSIDE_TOLERANCE} ({@code authentication_error}):
 *       {@code t} is further from now than the tolerance, in the past (a replay) or the future;
 *   <li>{@link ErrorCodes#WEBHOOK_SIGNATURE_MISMATCH} ({@code authentication_error}): no {@code v1}
 *       matches any secret;
 *   <li>{@link ErrorCodes#WEBHOOK_PAYLOAD_NOT_JSON} ({@code authentication_error}), only in {@code
 *       verifyAndParse}: the body is not a JSON object.
 * </ol>
 *
 * <p><b>Pass the body exactly as it was received.</b> The signature covers the raw bytes, so a body
 * that a framework parsed and serialized again (for example bound to an object and written back)
 * will not verify: whitespace, key order and number formatting change. Read the body as {@code
 * byte[]} (or a {@code String} decoded as UTF-8) before any JSON binding:
 *
 * <pre>{@code
 * byte[] body = request.getInputStream().readAllBytes();
 * String signature = request.getHeader(Webhooks.SIGNATURE_HEADER);
 * Map<String, Object> event = Webhooks.verifyAndParse(body, signature, webhookSecret);
 * }</pre>
 *
 * <p>Several secrets may be given while a secret is being rotated; a signature made with any of
 * them is accepted. The header may likewise carry several {@code v1} entries, any of which may
 * match (the reference SDK keeps only the last one; accepting each lets the sender sign with both
 * secrets during a rotation, as Stripe does). Timestamps are compared in whole seconds, so a
 * tolerance of zero accepts only a {@code t} equal to the current second.
 *
 * <p>Exception messages name the check that failed and never contain a secret or a signature. A
 * null payload is a programming error and throws {@link NullPointerException}. All methods are
 * stateless and safe to call from any thread.
 */
public final class Webhooks {

  /** The name of the HTTP header that carries the signature. */
  public static final String SIGNATURE_HEADER = "Crossdeck-Signature";

  /** The tolerance used when none is given: 5 minutes. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  /** The longest tolerance accepted: 24 hours. */
  public static final Duration MAX_TOLERANCE = Duration.ofHours(24);

  /** The parser of {@code verifyAndParse}, built on its first use, not when a class loads. */
  private static final class Parser {
    // Trailing tokens would let "{...} garbage" pass as JSON, which JSON.parse in the reference SDK
    // rejects.
    static final JsonMapper JSON =
        JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT =
        new TypeReference<>() {};
  }

  private Webhooks() {}

  /**
   * Verifies a webhook signed with {@code secret}, allowing the {@linkplain #DEFAULT_TOLERANCE
   * default tolerance} of 5 minutes.
   *
   * @param payload the request body, exactly as received
   * @param signatureHeader the value of the {@value #SIGNATURE_HEADER} header, or {@code null} if
   *     the request had none
   * @param secret the endpoint's signing secret
   * @throws CrossdeckException if a check fails; see the class documentation for the codes
   */
  public static void verify(byte[] payload, String signatureHeader, String secret) {
    verify(payload, signatureHeader, Collections.singletonList(secret), DEFAULT_TOLERANCE);
  }

  /**
   * Verifies a webhook signed with any of {@code secrets}, allowing {@code tolerance} between the
   * signed timestamp and now.
   *
   * @param payload the request body, exactly as received
   * @param signatureHeader the value of the {@value #SIGNATURE_HEADER} header, or {@code null} if
   *     the request had none
   * @param secrets the accepted signing secrets, for example the old and the new one during a
   *     rotation; null and blank entries are ignored
   * @param tolerance how far the signed timestamp may be from now, from zero to {@linkplain
   *     #MAX_TOLERANCE 24 hours}
   * @throws CrossdeckException if a check fails; see the class documentation for the codes
   */
  public static void verify(
      byte[] payload, String signatureHeader, Collection<String> secrets, Duration tolerance) {
    verify(payload, signatureHeader, secrets, tolerance, Clock.systemUTC());
  }

  /**
   * Verifies a webhook whose body was read as a string; the same as {@link #verify(byte[], String,
   * String)} on its UTF-8 bytes.
   *
   * @param payload the request body, exactly as received, decoded as UTF-8
   * @param signatureHeader the value of the {@value #SIGNATURE_HEADER} header, or {@code null}
   * @param secret the endpoint's signing secret
   * @throws CrossdeckException if a check fails; see the class documentation for the codes
   */
  public static void verify(String payload, String signatureHeader, String secret) {
    verify(utf8(payload), signatureHeader, secret);
  }

  /**
   * Verifies a webhook whose body was read as a string; the same as {@link #verify(byte[], String,
   * Collection, Duration)} on its UTF-8 bytes.
   *
   * @param payload the request body, exactly as received, decoded as UTF-8
   * @param signatureHeader the value of the {@value #SIGNATURE_HEADER} header, or {@code null}
   * @param secrets the accepted signing secrets; null and blank entries are ignored
   * @param tolerance how far the signed timestamp may be from now, from zero to 24 hours
   * @throws CrossdeckException if a check fails; see the class documentation for the codes
   */
  public static void verify(
      String payload, String signatureHeader, Collection<String> secrets, Duration tolerance) {
    verify(utf8(payload), signatureHeader, secrets, tolerance);
  }

  /**
   * Verifies a webhook signed with {@code secret} within the default tolerance of 5 minutes, then
   * parses it.
   *
   * <p>The result is a plain {@code Map} rather than a Jackson tree so that this API does not tie
   * callers to a Jackson major version; convert it to a typed event with any JSON mapper's {@code
   * convertValue}. Crossdeck webhook payloads are JSON objects, so any other JSON value is rejected
   * like a body that is not JSON.
   *
   * @param payload the request body, exactly as received
   * @param signatureHeader the value of the {@value #SIGNATURE_HEADER} header, or {@code null}
   * @param secret the endpoint's signing secret
   * @return a new map owned by the caller, in document order; nested objects are maps, arrays are
   *     lists, numbers are {@code Integer}, {@code Long}, {@code BigInteger} or {@code Double}
   * @throws CrossdeckException if a check fails; see the class documentation for the codes
   */
  public static Map<String, Object> verifyAndParse(
      byte[] payload, String signatureHeader, String secret) {
    return verifyAndParse(
        payload, signatureHeader, Collections.singletonList(secret), DEFAULT_TOLERANCE);
  }

  /**
   * Verifies a webhook signed with any of {@code secrets} within {@code tolerance}, then parses it
   * as described in {@link #verifyAndParse(byte[], String, String)}.
   *
   * @param payload the request body, exactly as received
   * @param signatureHeader the value of the {@value #SIGNATURE_HEADER} header, or {@code null}
   * @param secrets the accepted signing secrets; null and blank entries are ignored
   * @param tolerance how far the signed timestamp may be from now, from zero to 24 hours
   * @return a new map owned by the caller, in document order
   * @throws CrossdeckException if a check fails; see the class documentation for the codes
   */
  public static Map<String, Object> verifyAndParse(
      byte[] payload, String signatureHeader, Collection<String> secrets, Duration tolerance) {
    return verifyAndParse(payload, signatureHeader, secrets, tolerance, Clock.systemUTC());
  }

  /**
   * Verifies and parses a webhook whose body was read as a string; the same as {@link
   * #verifyAndParse(byte[], String, String)} on its UTF-8 bytes.
   *
   * @param payload the request body, exactly as received, decoded as UTF-8
   * @param signatureHeader the value of the {@value #SIGNATURE_HEADER} header, or {@code null}
   * @param secret the endpoint's signing secret
   * @return a new map owned by the caller, in document order
   * @throws CrossdeckException if a check fails; see the class documentation for the codes
   */
  public static Map<String, Object> verifyAndParse(
      String payload, String signatureHeader, String secret) {
    return verifyAndParse(utf8(payload), signatureHeader, secret);
  }

  /**
   * Verifies and parses a webhook whose body was read as a string; the same as {@link
   * #verifyAndParse(byte[], String, Collection, Duration)} on its UTF-8 bytes.
   *
   * @param payload the request body, exactly as received, decoded as UTF-8
   * @param signatureHeader the value of the {@value #SIGNATURE_HEADER} header, or {@code null}
   * @param secrets the accepted signing secrets; null and blank entries are ignored
   * @param tolerance how far the signed timestamp may be from now, from zero to 24 hours
   * @return a new map owned by the caller, in document order
   * @throws CrossdeckException if a check fails; see the class documentation for the codes
   */
  public static Map<String, Object> verifyAndParse(
      String payload, String signatureHeader, Collection<String> secrets, Duration tolerance) {
    return verifyAndParse(utf8(payload), signatureHeader, secrets, tolerance);
  }

  /**
   * Signs a payload the way Crossdeck does, for tests that send webhooks to their own handler.
   *
   * @param payload the exact body that will be sent
   * @param secret the signing secret
   * @param timestamp the signing time, truncated to whole seconds; must be after the epoch
   * @return the complete {@value #SIGNATURE_HEADER} header value, {@code t=<seconds>,v1=<64
   *     lower-case hex digits>}
   * @throws CrossdeckException {@code webhook_missing_secret} if {@code secret} is null or blank
   * @throws IllegalArgumentException if {@code timestamp} is not after the epoch
   */
  public static String sign(byte[] payload, String secret, Instant timestamp) {
    Objects.requireNonNull(payload, "payload");
    byte[] key = signingKeys(Collections.singletonList(secret)).get(0);
    long seconds = Objects.requireNonNull(timestamp, "timestamp").getEpochSecond();
    if (seconds <= 0) {
      throw new IllegalArgumentException("timestamp must be after the epoch: " + timestamp);
    }
    String v1 = HexFormat.of().formatHex(WebhookSignatureHeader.hmac(key, seconds, payload));
    return "t=" + seconds + ",v1=" + v1;
  }

  /**
   * Signs a string payload; the same as {@link #sign(byte[], String, Instant)} on its UTF-8 bytes.
   *
   * @param payload the exact body that will be sent
   * @param secret the signing secret
   * @param timestamp the signing time, truncated to whole seconds; must be after the epoch
   * @return the complete {@value #SIGNATURE_HEADER} header value
   */
  public static String sign(String payload, String secret, Instant timestamp) {
    return sign(utf8(payload), secret, timestamp);
  }

  /** Verification against an explicit clock, so that tests control "now". */
  static void verify(
      byte[] payload,
      String signatureHeader,
      Collection<String> secrets,
      Duration tolerance,
      Clock clock) {
    Objects.requireNonNull(payload, "payload");
    List<byte[]> keys = signingKeys(secrets);
    checkTolerance(tolerance);
    WebhookSignatureHeader header = WebhookSignatureHeader.parse(signatureHeader);
    header.requireWithin(tolerance, clock);
    header.requireSignedWithAnyOf(keys, payload);
  }

  /** Verification and parsing against an explicit clock, so that tests control "now". */
  static Map<String, Object> verifyAndParse(
      byte[] payload,
      String signatureHeader,
      Collection<String> secrets,
      Duration tolerance,
      Clock clock) {
    verify(payload, signatureHeader, secrets, tolerance, clock);
    Map<String, Object> event;
    try {
      event = Parser.JSON.readValue(payload, Parser.JSON_OBJECT);
    } catch (IOException e) {
      throw payloadNotJson(e);
    }
    if (event == null) {
      throw payloadNotJson(null);
    }
    return event;
  }

  private static List<byte[]> signingKeys(Collection<String> secrets) {
    List<byte[]> keys =
        secrets == null
            ? List.of()
            : secrets.stream()
                .filter(secret -> secret != null && !secret.isBlank())
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .toList();
    if (keys.isEmpty()) {
      throw new CrossdeckException(
          ErrorCodes.TYPE_CONFIGURATION,
          ErrorCodes.WEBHOOK_MISSING_SECRET,
          "A non-blank webhook signing secret is required");
    }
    return keys;
  }

  private static void checkTolerance(Duration tolerance) {
    if (tolerance == null || tolerance.isNegative() || tolerance.compareTo(MAX_TOLERANCE) > 0) {
      throw new CrossdeckException(
          ErrorCodes.TYPE_CONFIGURATION,
          ErrorCodes.WEBHOOK_INVALID_TOLERANCE,
          "Webhook tolerance must be between 0 and 24 hours, was " + tolerance);
    }
  }

  private static CrossdeckException payloadNotJson(IOException cause) {
    // The parser's message is left to the cause: it may quote the payload, which is the caller's
    // data, not ours to put in a message that ends up in logs.
    return CrossdeckException.builder(
            ErrorCodes.TYPE_AUTHENTICATION, ErrorCodes.WEBHOOK_PAYLOAD_NOT_JSON)
        .message("Webhook signature is valid but the payload is not a JSON object")
        .cause(cause)
        .build();
  }

  private static byte[] utf8(String payload) {
    return Objects.requireNonNull(payload, "payload").getBytes(StandardCharsets.UTF_8);
  }
}
