package com.crossdeck.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhooksTest {

  private static final String SECRET = "whsec_test_001";
  private static final long T = 1_700_000_000L;
  private static final String PAYLOAD = "{\"id\":\"evt_1\"}";

  /**
   * Produced outside this code base with {@code printf '%s' '1700000000.{"id":"evt_1"}' | openssl
   * dgst -sha256 -hmac 'whsec_test_001'} (OpenSSL 3.0.19).
   */
  private static final String OPENSSL_V1 =
      "4e4a2ae503fa00b7c6e3951bcde63317d0c7ad4988a98a807de40ce77cc0d215";

  private static final Duration TOLERANCE = Webhooks.DEFAULT_TOLERANCE;

  @Test
  void acceptsTheSignatureComputedByOpenssl() {
    assertThat(
            Webhooks.verifyAndParse(
                bytes(PAYLOAD), "t=" + T + ",v1=" + OPENSSL_V1, List.of(SECRET), TOLERANCE, at(T)))
        .containsExactly(entry("id", "evt_1"));
  }

  @Test
  void signProducesTheHeaderOpensslComputes() {
    assertThat(Webhooks.sign(PAYLOAD, SECRET, Instant.ofEpochSecond(T)))
        .isEqualTo("t=" + T + ",v1=" + OPENSSL_V1);
  }

  @Test
  void signHashesTheUtf8BytesOfAStringPayload() {
    String payload = "{\"name\":\"Zoë ✓\"}";

    assertThat(Webhooks.sign(payload, SECRET, Instant.ofEpochSecond(T)))
        .isEqualTo("t=" + T + ",v1=" + hmacHex(SECRET, T + "." + payload));
  }

  @Test
  void signTruncatesTheTimestampToWholeSeconds() {
    assertThat(Webhooks.sign(PAYLOAD, SECRET, Instant.ofEpochSecond(T, 999_000_000)))
        .isEqualTo("t=" + T + ",v1=" + OPENSSL_V1);
  }

  @Test
  void acceptsAFreshSignatureAgainstTheSystemClock() {
    long now = Instant.now().getEpochSecond();

    assertThatCode(() -> Webhooks.verify(bytes(PAYLOAD), header(now, SECRET, PAYLOAD), SECRET))
        .doesNotThrowAnyException();
  }

  @Test
  void verifyAndParseOfAStringBodyReturnsTheJsonObjectInDocumentOrder() {
    String payload = "{\"type\":\"subscription.renewed\",\"data\":{\"amount\":499},\"id\":\"é\"}";
    String header = header(Instant.now().getEpochSecond(), SECRET, payload);

    assertThat(Webhooks.verifyAndParse(payload, header, SECRET))
        .containsExactly(
            entry("type", "subscription.renewed"),
            entry("data", Map.of("amount", 499)),
            entry("id", "é"));
  }

  @Test
  void rejectsATamperedBody() {
    String header = header(T, SECRET, PAYLOAD);

    assertRejected(
        () -> verifyAt(T, "{\"id\":\"evt_2\"}", header, List.of(SECRET)),
        ErrorCodes.WEBHOOK_SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsASignatureMadeWithAnotherSecret() {
    assertRejected(
        () -> verifyAt(T, PAYLOAD, header(T, "whsec_other", PAYLOAD), List.of(SECRET)),
        ErrorCodes.WEBHOOK_SIGNATURE_MISMATCH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"whsec_old", "whsec_new"})
  void acceptsASignatureMadeWithEitherRotatedSecret(String signingSecret) {
    assertThatCode(
            () ->
                verifyAt(
                    T,
                    PAYLOAD,
                    header(T, signingSecret, PAYLOAD),
                    List.of("whsec_old", "whsec_new")))
        .doesNotThrowAnyException();
  }

  @Test
  void ignoresNullAndBlankSecrets() {
    assertThatCode(
            () ->
                verifyAt(
                    T, PAYLOAD, header(T, SECRET, PAYLOAD), Arrays.asList("", " ", null, SECRET)))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsWhenNoSecretIsNonBlank() {
    assertConfigurationError(
        () -> verifyAt(T, PAYLOAD, header(T, SECRET, PAYLOAD), Arrays.asList("", " \t", null)),
        ErrorCodes.WEBHOOK_MISSING_SECRET);
  }

  @Test
  void rejectsANullSecret() {
    assertConfigurationError(
        () -> Webhooks.verify(PAYLOAD, header(T, SECRET, PAYLOAD), (String) null),
        ErrorCodes.WEBHOOK_MISSING_SECRET);
  }

  @Test
  void reportsAMissingSecretBeforeAnInvalidToleranceOrAMissingHeader() {
    assertConfigurationError(
        () -> Webhooks.verify(bytes(PAYLOAD), null, List.of(), Duration.ofSeconds(-1)),
        ErrorCodes.WEBHOOK_MISSING_SECRET);
  }

  @Test
  void reportsAnInvalidToleranceBeforeAMissingHeader() {
    assertConfigurationError(
        () -> Webhooks.verify(bytes(PAYLOAD), null, List.of(SECRET), Duration.ofHours(25)),
        ErrorCodes.WEBHOOK_INVALID_TOLERANCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void rejectsABlankHeader(String header) {
    assertRejected(
        () -> verifyAt(T, PAYLOAD, header, List.of(SECRET)), ErrorCodes.WEBHOOK_TIMESTAMP_MISSING);
  }

  @Test
  void rejectsAMissingHeader() {
    assertRejected(
        () -> verifyAt(T, PAYLOAD, null, List.of(SECRET)), ErrorCodes.WEBHOOK_TIMESTAMP_MISSING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v1=" + OPENSSL_V1,
        "t=,v1=" + OPENSSL_V1,
        "t=abc,v1=" + OPENSSL_V1,
        "t=-1700000000,v1=" + OPENSSL_V1,
        "t=0,v1=" + OPENSSL_V1,
        "t=0.5,v1=" + OPENSSL_V1,
        "t=1e9,v1=" + OPENSSL_V1,
        "T=1700000000,v1=" + OPENSSL_V1,
        "1700000000," + OPENSSL_V1,
        ",,,"
      })
  void rejectsAHeaderWithoutAPositiveTimestamp(String header) {
    assertRejected(
        () -> verifyAt(T, PAYLOAD, header, List.of(SECRET)), ErrorCodes.WEBHOOK_TIMESTAMP_MISSING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "t=1700000000",
        "t=1700000000,v1=",
        "t=1700000000,v1=not-hex",
        "t=1700000000,v1=0x4e4a",
        "t=1700000000,v0=" + OPENSSL_V1,
        "t=1700000000,V1=" + OPENSSL_V1
      })
  void rejectsAHeaderWithoutAHexSignature(String header) {
    assertRejected(
        () -> verifyAt(T, PAYLOAD, header, List.of(SECRET)), ErrorCodes.WEBHOOK_TIMESTAMP_MISSING);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "4e4a2ae503fa00b7", "00"})
  void rejectsAHexSignatureOfTheWrongLengthAsAMismatch(String v1) {
    assertRejected(
        () -> verifyAt(T, PAYLOAD, "t=" + T + ",v1=" + v1, List.of(SECRET)),
        ErrorCodes.WEBHOOK_SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsATimestampOfAMillionDigitsWithoutParsingIt() {
    String header = "t=" + "9".repeat(1_000_000) + ",v1=" + OPENSSL_V1;

    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () ->
            assertRejected(
                () -> verifyAt(T, PAYLOAD, header, List.of(SECRET)),
                ErrorCodes.WEBHOOK_TIMESTAMP_MISSING));
  }

  @ParameterizedTest
  @ValueSource(strings = {"17000000000000000000", "1700000000." + "0000000000000000000000000"})
  void rejectsATimestampLongerThanALongOrThanAnyRealTimestamp(String t) {
    assertRejected(
        () -> verifyAt(T, PAYLOAD, "t=" + t + ",v1=" + OPENSSL_V1, List.of(SECRET)),
        ErrorCodes.WEBHOOK_TIMESTAMP_MISSING);
  }

  @Test
  void aNineteenDigitTimestampBeyondALongIsFarInTheFuture() {
    assertRejected(
        () -> verifyAt(T, PAYLOAD, "t=9999999999999999999,v1=" + OPENSSL_V1, List.of(SECRET)),
        ErrorCodes.WEBHOOK_TIMESTAMP_OUTSIDE_TOLERANCE);
  }

  @Test
  void acceptsUppercaseHex() {
    String header = "t=" + T + ",v1=" + OPENSSL_V1.toUpperCase(Locale.ROOT);

    assertThatCode(() -> verifyAt(T, PAYLOAD, header, List.of(SECRET))).doesNotThrowAnyException();
  }

  @Test
  void acceptsReorderedPartsWithSpacesAndUnknownKeys() {
    String header = " v0 = ignored , v1 = " + OPENSSL_V1 + " ,  t =" + T + " , scheme";

    assertThatCode(() -> verifyAt(T, PAYLOAD, header, List.of(SECRET))).doesNotThrowAnyException();
  }

  @Test
  void acceptsAnyOfSeveralSignatures() {
    String other = hmacHex("whsec_other", T + "." + PAYLOAD);
    String header = "t=" + T + ",v1=" + other + ",v1=" + OPENSSL_V1;

    assertThatCode(() -> verifyAt(T, PAYLOAD, header, List.of(SECRET))).doesNotThrowAnyException();
  }

  @Test
  void floorsADecimalTimestampBeforeCheckingTheSignature() {
    String header = "t=" + T + ".75,v1=" + OPENSSL_V1;

    assertThatCode(() -> verifyAt(T, PAYLOAD, header, List.of(SECRET))).doesNotThrowAnyException();
  }

  @Test
  void rejectsATimestampFurtherInThePastThanTheTolerance() {
    assertThatThrownBy(
            () -> verifyAt(T + 301, PAYLOAD, header(T, SECRET, PAYLOAD), List.of(SECRET)))
        .isInstanceOfSatisfying(
            CrossdeckException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCodes.WEBHOOK_TIMESTAMP_OUTSIDE_TOLERANCE);
              assertThat(e.type()).isEqualTo(ErrorCodes.TYPE_AUTHENTICATION);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Crossdeck-Signature timestamp 1700000000 is 301 s in the past;"
                          + " tolerance is 300 s");
            });
  }

  @Test
  void rejectsATimestampFurtherInTheFutureThanTheTolerance() {
    assertThatThrownBy(
            () -> verifyAt(T - 301, PAYLOAD, header(T, SECRET, PAYLOAD), List.of(SECRET)))
        .isInstanceOfSatisfying(
            CrossdeckException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCodes.WEBHOOK_TIMESTAMP_OUTSIDE_TOLERANCE);
              assertThat(e.getMessage()).contains("is 301 s in the future");
            });
  }

  @ParameterizedTest
  @ValueSource(longs = {-300, 300})
  void acceptsATimestampExactlyAtTheToleranceBound(long offset) {
    assertThatCode(() -> verifyAt(T + offset, PAYLOAD, header(T, SECRET, PAYLOAD), List.of(SECRET)))
        .doesNotThrowAnyException();
  }

  @Test
  void comparesWholeSecondsSoTheLastMillisecondOfTheBoundIsAccepted() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(T + 300, 999_000_000), ZoneOffset.UTC);

    assertThatCode(
            () ->
                Webhooks.verify(
                    bytes(PAYLOAD), header(T, SECRET, PAYLOAD), List.of(SECRET), TOLERANCE, clock))
        .doesNotThrowAnyException();
  }

  @Test
  void zeroToleranceAcceptsTheSignedSecond() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(T, 500_000_000), ZoneOffset.UTC);

    assertThatCode(
            () ->
                Webhooks.verify(
                    bytes(PAYLOAD),
                    header(T, SECRET, PAYLOAD),
                    List.of(SECRET),
                    Duration.ZERO,
                    clock))
        .doesNotThrowAnyException();
  }

  @Test
  void zeroToleranceRejectsTheNextSecond() {
    assertRejected(
        () ->
            Webhooks.verify(
                bytes(PAYLOAD),
                header(T, SECRET, PAYLOAD),
                List.of(SECRET),
                Duration.ZERO,
                at(T + 1)),
        ErrorCodes.WEBHOOK_TIMESTAMP_OUTSIDE_TOLERANCE);
  }

  @Test
  void acceptsTheLongestTolerance() {
    assertThatCode(
            () ->
                Webhooks.verify(
                    bytes(PAYLOAD),
                    header(T, SECRET, PAYLOAD),
                    List.of(SECRET),
                    Webhooks.MAX_TOLERANCE,
                    at(T + 86_400)))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, 86_400_001})
  void rejectsAToleranceOutsideZeroToTwentyFourHours(long millis) {
    assertConfigurationError(
        () ->
            Webhooks.verify(
                bytes(PAYLOAD),
                header(T, SECRET, PAYLOAD),
                List.of(SECRET),
                Duration.ofMillis(millis)),
        ErrorCodes.WEBHOOK_INVALID_TOLERANCE);
  }

  @Test
  void rejectsANullTolerance() {
    assertConfigurationError(
        () -> Webhooks.verify(bytes(PAYLOAD), header(T, SECRET, PAYLOAD), List.of(SECRET), null),
        ErrorCodes.WEBHOOK_INVALID_TOLERANCE);
  }

  @Test
  void reportsAStaleTimestampBeforeAWrongSignature() {
    assertRejected(
        () -> verifyAt(T + 3600, PAYLOAD, header(T, "whsec_other", PAYLOAD), List.of(SECRET)),
        ErrorCodes.WEBHOOK_TIMESTAMP_OUTSIDE_TOLERANCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "", "[1,2]", "\"evt_1\"", "null", "{\"id\":1} trailing"})
  void verifyAndParseRejectsAValidlySignedBodyThatIsNotAJsonObject(String payload) {
    assertRejected(
        () ->
            Webhooks.verifyAndParse(
                bytes(payload), header(T, SECRET, payload), List.of(SECRET), TOLERANCE, at(T)),
        ErrorCodes.WEBHOOK_PAYLOAD_NOT_JSON);
  }

  @Test
  void verifyAndParseReportsAWrongSignatureBeforeABodyThatIsNotJson() {
    assertRejected(
        () ->
            Webhooks.verifyAndParse(
                bytes("not json"),
                header(T, "whsec_other", "not json"),
                List.of(SECRET),
                TOLERANCE,
                at(T)),
        ErrorCodes.WEBHOOK_SIGNATURE_MISMATCH);
  }

  @Test
  void verifyAcceptsAValidlySignedBodyThatIsNotJson() {
    assertThatCode(() -> verifyAt(T, "not json", header(T, SECRET, "not json"), List.of(SECRET)))
        .doesNotThrowAnyException();
  }

  @Test
  void mismatchMessageContainsNeitherSecretNorSignature() {
    String header = header(T, "whsec_other", PAYLOAD);

    assertThatThrownBy(() -> verifyAt(T, PAYLOAD, header, List.of(SECRET)))
        .hasMessageNotContaining(SECRET)
        .hasMessageNotContaining("whsec_other")
        .hasMessageNotContaining(header.substring(header.indexOf("v1=") + 3));
  }

  @Test
  void signRejectsABlankSecret() {
    assertConfigurationError(
        () -> Webhooks.sign(PAYLOAD, " ", Instant.ofEpochSecond(T)),
        ErrorCodes.WEBHOOK_MISSING_SECRET);
  }

  @Test
  void signRejectsATimestampNotAfterTheEpoch() {
    assertThatThrownBy(() -> Webhooks.sign(PAYLOAD, SECRET, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void verifyAt(
      long nowSeconds, String payload, String header, Collection<String> secrets) {
    Webhooks.verify(bytes(payload), header, secrets, TOLERANCE, at(nowSeconds));
  }

  private static Clock at(long epochSeconds) {
    return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
  }

  /** The header a sender would produce, computed with the JDK's Mac, not with Webhooks. */
  private static String header(long timestamp, String secret, String payload) {
    return "t=" + timestamp + ",v1=" + hmacHex(secret, timestamp + "." + payload);
  }

  private static String hmacHex(String secret, String signedContent) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signedContent.getBytes(UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static Map.Entry<String, Object> entry(String key, Object value) {
    return Map.entry(key, value);
  }

  private static void assertRejected(ThrowingCallable call, String code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            CrossdeckException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ErrorCodes.TYPE_AUTHENTICATION);
              assertThat(e.code()).isEqualTo(code);
            });
  }

  private static void assertConfigurationError(ThrowingCallable call, String code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            CrossdeckException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ErrorCodes.TYPE_CONFIGURATION);
              assertThat(e.code()).isEqualTo(code);
            });
  }
}
