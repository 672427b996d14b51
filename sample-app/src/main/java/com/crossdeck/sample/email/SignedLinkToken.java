package com.crossdeck.sample.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs and checks the user token of email links, so a click can be attributed to the person the
 * email was sent to without them being signed in.
 *
 * <p>A token is {@code base64url(userId|expiry) "." base64url(HMAC-SHA256(userId|campaign|expiry))}
 * with the expiry in epoch seconds. The campaign travels in its own query parameter but is part of
 * the signed text, so a token cannot be moved to another campaign; nor can the user or the expiry
 * be changed. Signatures are compared in constant time. Thread-safe.
 */
@Component
public final class SignedLinkToken {

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Clock clock;

  /**
   * Creates a signer.
   *
   * @param secret the HMAC key; keep it out of source control in a real application
   * @param clock the time expiries are set and checked against
   */
  public SignedLinkToken(@Value("${sample.email-links.secret}") String secret, Clock clock) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = clock;
  }

  /**
   * A token for {@code userId} clicking a link of {@code campaign}, valid for {@code validFor}.
   *
   * @throws IllegalArgumentException when an argument contains {@code |}, the field separator
   */
  public String mint(String userId, String campaign, Duration validFor) {
    requireNoSeparator(userId, "userId");
    requireNoSeparator(campaign, "campaign");
    long expiry = clock.instant().plus(validFor).getEpochSecond();
    String payload = userId + "|" + expiry;
    return encode(payload) + "." + BASE64URL.encodeToString(sign(userId, campaign, expiry));
  }

  /**
   * The user id of a token minted for {@code campaign} that has not expired.
   *
   * @return the user id, or empty when the token is malformed, tampered with, minted for another
   *     campaign or expired
   */
  public Optional<String> verify(String token, String campaign) {
    if (token == null || campaign == null || campaign.contains("|")) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    try {
      String payload =
          new String(BASE64URL_DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      byte[] signature = BASE64URL_DECODER.decode(token.substring(dot + 1));
      int separator = payload.lastIndexOf('|');
      if (separator <= 0) {
        return Optional.empty();
      }
      String userId = payload.substring(0, separator);
      long expiry = Long.parseLong(payload.substring(separator + 1));
      boolean authentic = MessageDigest.isEqual(signature, sign(userId, campaign, expiry));
      boolean fresh = clock.instant().isBefore(Instant.ofEpochSecond(expiry));
      return authentic && fresh ? Optional.of(userId) : Optional.empty();
    } catch (IllegalArgumentException e) { // bad base64 or a non-numeric expiry
      return Optional.empty();
    }
  }

  private byte[] sign(String userId, String campaign, long expiry) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal((userId + "|" + campaign + "|" + expiry).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String encode(String text) {
    return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void requireNoSeparator(String value, String name) {
    if (value == null || value.isEmpty() || value.contains("|")) {
      throw new IllegalArgumentException(name + " must be non-empty and must not contain '|'");
    }
  }
}
