package com.crossdeck.spring.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.spring.WebSdkIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RequestIdentityReaderTests {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private final IdentityInputValidator validator = new IdentityInputValidator();
  private final SignedOutIdentifiers signedOut = new SignedOutIdentifiers();
  private final RequestIdentityReader reader =
      new RequestIdentityReader(validator, signedOut, Clock.fixed(NOW, ZoneOffset.UTC));

  private final String lastYear = WebSdkIds.minted(NOW.minus(Duration.ofDays(365)), "a1b2c3d4e5");
  private final String lastWeek = WebSdkIds.minted(NOW.minus(Duration.ofDays(7)), "f6g7h8i9j0");

  @Test
  void takesTheHeaderOverTheCookie() {
    assertThat(reader.read(lastYear, List.of(lastWeek), List.of()))
        .isEqualTo(new RequestIdentity(lastYear, null));
  }

  @Test
  void fallsBackToTheCookieWhenTheHeaderIsInvalid() {
    assertThat(reader.read("anon_<script>", List.of(lastWeek), List.of()))
        .isEqualTo(new RequestIdentity(lastWeek, null));
    assertThat(validator.rejectedCount()).isOne();
  }

  @Test
  void ofSeveralAnonymousIdCookiesTakesTheNewestWhateverTheirOrder() {
    assertThat(reader.read(null, List.of(lastYear, lastWeek), List.of()).anonymousId())
        .isEqualTo(lastWeek);
    assertThat(reader.read(null, List.of(lastWeek, lastYear), List.of()).anonymousId())
        .isEqualTo(lastWeek);
    assertThat(reader.ambiguousCount()).isEqualTo(2);
  }

  @Test
  void theSameValueTwiceIsNoAmbiguity() {
    assertThat(reader.read(null, List.of(lastWeek, lastWeek), List.of()).anonymousId())
        .isEqualTo(lastWeek);
    assertThat(reader.ambiguousCount()).isZero();
  }

  @Test
  void anIdWithoutAPlausibleTimeLosesToOneWithATime() {
    String androidId = "anon_3f2a9c0d1e4b4f6a8b7c9d0e1f2a3b4c";
    String nextYear = WebSdkIds.minted(NOW.plus(Duration.ofDays(365)), "k1l2m3n4o5");
    String beforeTheWebSdk = WebSdkIds.minted(Instant.parse("2015-01-01T00:00:00Z"), "p6q7r8s9t0");

    assertThat(
            reader
                .read(null, List.of(lastYear, androidId, nextYear, beforeTheWebSdk), List.of())
                .anonymousId())
        .isEqualTo(lastYear);
  }

  @Test
  void ofIdsWithoutATimeTakesTheOneListedLast() {
    assertThat(reader.read(null, List.of("anon_older_cookie", "anon_newer_cookie"), List.of()))
        .isEqualTo(new RequestIdentity("anon_newer_cookie", null));
  }

  @Test
  void ignoresIdsThatARequestCarriedWhenItsUserSignedOut() {
    signedOut.remember(new RequestIdentity(lastWeek, "cdcust_previous_user"));

    assertThat(reader.read(lastWeek, List.of(lastWeek), List.of("cdcust_previous_user")))
        .isEqualTo(RequestIdentity.NONE);
    assertThat(reader.read(null, List.of(lastWeek, lastYear), List.of()).anonymousId())
        .isEqualTo(lastYear);
  }

  @Test
  void takesAValidCustomerIdAlongsideTheAnonymousId() {
    assertThat(reader.read(null, List.of(lastWeek), List.of("user_ada", "cdcust_7f3a9c")))
        .isEqualTo(new RequestIdentity(lastWeek, "cdcust_7f3a9c"));
    assertThat(validator.rejectedCount()).isOne();
  }

  @Test
  void ofSeveralDifferentCustomerIdsTakesNone() {
    assertThat(reader.read(null, List.of(), List.of("cdcust_one", "cdcust_two")))
        .isEqualTo(RequestIdentity.NONE);
    assertThat(reader.ambiguousCount()).isOne();
  }

  @Test
  void logsTheFirstAmbiguityOnceWithoutTheValues(CapturedOutput output) {
    reader.read(null, List.of(lastYear, lastWeek), List.of());
    reader.read(null, List.of(lastYear, lastWeek), List.of("cdcust_one", "cdcust_two"));

    assertThat(output.toString().split("different Crossdeck", -1)).hasSize(2);
    assertThat(output).doesNotContain(lastYear).doesNotContain(lastWeek);
    assertThat(reader.ambiguousCount()).isEqualTo(3);
  }
}
