package com.crossdeck.sample.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The email link token: what it accepts, and every way a changed or foreign token is refused. */
class SignedLinkTokenTests {

  static final Instant NOW = Instant.parse("2026-03-15T09:00:00Z");

  final SignedLinkToken tokens = at(NOW);

  @Test
  void acceptsATokenForItsCampaignUntilItExpires() {
    String token = tokens.mint("user_grace", "spring", Duration.ofDays(7));

    assertThat(tokens.verify(token, "spring")).hasValue("user_grace");
    assertThat(at(NOW.plus(Duration.ofDays(7)).minusSeconds(1)).verify(token, "spring"))
        .hasValue("user_grace");
    assertThat(at(NOW.plus(Duration.ofDays(7))).verify(token, "spring")).isEmpty();
  }

  @Test
  void rejectsATokenMovedToAnotherCampaign() {
    String token = tokens.mint("user_grace", "spring", Duration.ofDays(7));

    assertThat(tokens.verify(token, "winter")).isEmpty();
  }

  @Test
  void rejectsATokenWhoseUserOrExpiryWasChanged() {
    String token = tokens.mint("user_grace", "spring", Duration.ofDays(7));
    String signature = token.substring(token.indexOf('.'));
    long expiry = NOW.plus(Duration.ofDays(7)).getEpochSecond();

    assertThat(tokens.verify(payload("user_ada|" + expiry) + signature, "spring")).isEmpty();
    assertThat(tokens.verify(payload("user_grace|" + (expiry + 86_400)) + signature, "spring"))
        .isEmpty();
  }

  @Test
  void rejectsATokenSignedWithAnotherSecret() {
    String foreign =
        new SignedLinkToken("another-secret", Clock.fixed(NOW, ZoneOffset.UTC))
            .mint("user_grace", "spring", Duration.ofDays(7));

    assertThat(tokens.verify(foreign, "spring")).isEmpty();
  }

  @Test
  void rejectsMalformedTokensWithoutThrowing() {
    for (String malformed :
        new String[] {null, "", "no-dot", ".", "!!!.!!!", payload("user_grace|soon") + ".AAAA"}) {
      assertThat(tokens.verify(malformed, "spring")).as(String.valueOf(malformed)).isEmpty();
    }
  }

  @Test
  void refusesToMintAFieldContainingTheSeparator() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> tokens.mint("user|ada", "spring", Duration.ofDays(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> tokens.mint("user_ada", "spring|winter", Duration.ofDays(1)));
  }

  private static SignedLinkToken at(Instant now) {
    return new SignedLinkToken("test-secret", Clock.fixed(now, ZoneOffset.UTC));
  }

  private static String payload(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
