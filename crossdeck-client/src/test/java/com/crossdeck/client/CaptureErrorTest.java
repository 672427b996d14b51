package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.crossdeck.client.internal.errors.ProcessAnonymousId;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptureErrorTest extends MockServerTest {

  private static IllegalStateException failAtCheckout() {
    return new IllegalStateException("card declined for order 123");
  }

  private static IllegalStateException failAtRefund() {
    return new IllegalStateException("card declined for order 123");
  }

  private JsonNode nextErrorEvent(CrossdeckServer client) {
    client.flush(Duration.ofSeconds(5));
    return nextBatch().events().get(0);
  }

  @Test
  void sendsAnErrorHandledEventWithFingerprintTypeMessageFramesAndContext() {
    // This test lives in the SDK's own package, which counts as library code unless declared.
    CrossdeckServer client =
        client(
            options -> options.inAppPackages(java.util.List.of(CaptureErrorTest.class.getName())));

    TrackResult result =
        client.captureError(
            failAtCheckout(),
            ErrorContext.forIdentity(IdentityHint.developerUserId("user_847"))
                .withTags(Map.of("route", "/checkout"))
                .withContext(Map.of("orderId", 123)));

    JsonNode event = nextErrorEvent(client);
    JsonNode properties = event.get("properties");
    assertThat(result.queued()).isTrue();
    assertThat(event.get("name").asText()).isEqualTo("error.handled");
    assertThat(event.get("developerUserId").asText()).isEqualTo("user_847");
    assertThat(event.get("level").asText()).isEqualTo("error");
    assertThat(event.get("tags").get("route").asText()).isEqualTo("/checkout");
    assertThat(properties.get("fingerprint").asText()).matches("[0-9a-f]{8}");
    assertThat(properties.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(properties.get("message").asText()).isEqualTo("card declined for order 123");
    JsonNode top = properties.get("frames").get(0);
    assertThat(top.get("function").asText())
        .isEqualTo(CaptureErrorTest.class.getName() + ".failAtCheckout");
    assertThat(top.get("filename").asText()).isEqualTo("CaptureErrorTest.java");
    assertThat(top.get("lineno").asInt()).isPositive();
    assertThat(top.get("colno").asInt()).isZero();
    assertThat(top.get("in_app").asBoolean()).isTrue();
    assertThat(top.get("raw").asText()).startsWith("at " + top.get("function").asText() + "(");
    assertThat(properties.get("stack").asText())
        .startsWith("java.lang.IllegalStateException: card declined for order 123\n\tat ");
    assertThat(properties.get("context").get("orderId").asInt()).isEqualTo(123);
    assertThat(properties.get("tags").get("route").asText()).isEqualTo("/checkout");
    assertThat(properties.get("breadcrumbs").isArray()).isTrue();
    assertThat(properties.fieldNames())
        .toIterable()
        .containsExactly(
            "fingerprint",
            "level",
            "errorType",
            "message",
            "stack",
            "frames",
            "tags",
            "context",
            "breadcrumbs");
  }

  @Test
  void theSameErrorSiteKeepsItsFingerprintAndAnotherSiteGetsAnother() {
    CrossdeckServer client = client();

    client.captureError(failAtCheckout(), ErrorContext.NONE);
    client.captureError(failAtCheckout(), ErrorContext.NONE);
    client.captureError(failAtRefund(), ErrorContext.NONE);
    client.flush(Duration.ofSeconds(5));

    RecordedBatch batch = nextBatch();
    String first = batch.events().get(0).get("properties").get("fingerprint").asText();
    assertThat(batch.events().get(1).get("properties").get("fingerprint").asText())
        .isEqualTo(first);
    assertThat(batch.events().get(2).get("properties").get("fingerprint").asText())
        .isNotEqualTo(first);
  }

  @Test
  void usesTheProcessAnonymousIdOnlyWhenNoIdentityIsAvailable() {
    CrossdeckServer client = client();

    client.captureError(failAtCheckout());

    JsonNode event = nextErrorEvent(client);
    assertThat(event.get("anonymousId").asText())
        .isEqualTo(ProcessAnonymousId.get())
        .startsWith("anon_java_");
  }

  @Test
  void prefersTheIdentityFallbackOverTheProcessId() {
    CrossdeckServer client =
        client(options -> options.identityFallback(() -> IdentityHint.anonymousId("anon_visitor")));

    client.captureError(failAtCheckout());

    assertThat(nextErrorEvent(client).get("anonymousId").asText()).isEqualTo("anon_visitor");
  }

  @Test
  void limitsCapturesPerErrorSitePerMinute() {
    CrossdeckServer client = client(options -> options.errorCaptureRateLimit(2));

    TrackResult first = client.captureError(failAtCheckout());
    TrackResult second = client.captureError(failAtCheckout());
    TrackResult third = client.captureError(failAtCheckout());
    clock.advance(Duration.ofMinutes(1));
    TrackResult afterAMinute = client.captureError(failAtCheckout());

    assertThat(first.queued()).isTrue();
    assertThat(second.queued()).isTrue();
    assertThat(third.errorCode()).isEqualTo("error_rate_limited");
    assertThat(afterAMinute.queued()).isTrue();
    assertThat(client.diagnostics().delivery().rejected()).containsEntry("error_rate_limited", 1L);
  }

  @Test
  void capsCapturesPerProcess() {
    CrossdeckServer client = client(options -> options.errorCaptureProcessCap(1));

    client.captureError(failAtCheckout());

    assertThat(client.captureError(failAtRefund()).errorCode()).isEqualTo("error_process_cap");
  }

  @Test
  void neverThrows() {
    CrossdeckServer client = client();
    Throwable selfCaused = new RuntimeException("loop");
    selfCaused.initCause(new IllegalStateException("inner", selfCaused));

    assertThatCode(() -> client.captureError(null)).doesNotThrowAnyException();
    assertThatCode(() -> client.captureError(selfCaused, null)).doesNotThrowAnyException();
    assertThat(client.captureError(null).errorCode()).isEqualTo("missing_error");
  }
}
