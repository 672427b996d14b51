package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.internal.errors.ProcessAnonymousId;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code captureMessage}, process-wide tags and context, breadcrumbs, and the error hook, as the
 * reference SDK's §6.12 example describes them.
 */
class CaptureMessageTest extends MockServerTest {

  private JsonNode next(CrossdeckServer client) {
    client.flush(Duration.ofSeconds(5));
    return nextBatch().events().get(0);
  }

  @Test
  void aMessageIsAnErrorMessageEventWithTheReferenceFingerprintAndNoStack() {
    CrossdeckServer client = client();
    client.setTag("release", "v1.0.0");
    client.setContext("request", new TreeMap<>(Map.of("method", "POST", "path", "/checkout")));
    client.addBreadcrumb(
        new Breadcrumb(
            Instant.ofEpochMilli(1767225600100L),
            "custom",
            null,
            "checkout.started",
            Map.of("plan", "team")));

    TrackResult result = client.captureMessage("deprecated path hit", "warning");

    JsonNode event = next(client);
    JsonNode properties = event.get("properties");
    assertThat(result.queued()).isTrue();
    assertThat(event.get("name").asText()).isEqualTo("error.message");
    assertThat(event.get("level").asText()).isEqualTo("warning");
    assertThat(event.get("tags").toString()).isEqualTo("{\"release\":\"v1.0.0\"}");
    assertThat(event.get("anonymousId").asText()).isEqualTo(ProcessAnonymousId.get());
    assertThat(properties.toString())
        .isEqualTo(
            "{\"fingerprint\":\"dbccb148\",\"level\":\"warning\",\"errorType\":null,"
                + "\"message\":\"deprecated path hit\",\"frames\":[],"
                + "\"tags\":{\"release\":\"v1.0.0\"},"
                + "\"context\":{\"request\":{\"method\":\"POST\",\"path\":\"/checkout\"}},"
                + "\"breadcrumbs\":[{\"timestamp\":1767225600100,\"category\":\"custom\","
                + "\"message\":\"checkout.started\",\"data\":{\"plan\":\"team\"}}]}");
  }

  @Test
  void aMessageDefaultsToInfo() {
    CrossdeckServer client = client();

    client.captureMessage("cache warmed");

    assertThat(next(client).get("level").asText()).isEqualTo("info");
  }

  @Test
  void anErrorMergesTheProcessTagsAndContextWithItsOwnAndListsItsCauses() {
    CrossdeckServer client = client();
    client.setTags(new TreeMap<>(Map.of("release", "v1.0.0", "region", "eu")));
    client.setContext("request", Map.of("path", "/checkout"));

    client.captureError(
        new IllegalStateException("boom", new java.io.IOException("reset")),
        ErrorContext.NONE
            .withTags(new TreeMap<>(Map.of("flow", "checkout", "region", "us")))
            .withContext(Map.of("orderId", "ord_1")));

    JsonNode properties = next(client).get("properties");
    assertThat(properties.get("tags").toString())
        .isEqualTo("{\"region\":\"us\",\"release\":\"v1.0.0\",\"flow\":\"checkout\"}");
    assertThat(properties.get("context").toString())
        .isEqualTo(
            "{\"request\":{\"path\":\"/checkout\"},"
                + "\"__error_extras\":{\"cause\":[{\"name\":\"java.io.IOException\","
                + "\"message\":\"reset\"}]},\"orderId\":\"ord_1\"}");
  }

  @Test
  void theBreadcrumbRingKeepsTheNewestAndEventsLeaveNoneUnlessAskedTo() {
    CrossdeckServer client =
        client(options -> options.breadcrumbsMaxSize(2).eventFlushBatchSize(100));
    client.track(userEvent("page.viewed"));
    for (int i = 0; i < 3; i++) {
      client.addBreadcrumb(Breadcrumb.of("custom", "step " + i).withLevel("info"));
    }
    client.captureMessage("m");
    client.flush(Duration.ofSeconds(5));

    JsonNode crumbs = nextBatch().body().get("events").get(1).get("properties").get("breadcrumbs");
    assertThat(crumbs.size()).isEqualTo(2);
    assertThat(crumbs.get(0).get("message").asText()).isEqualTo("step 1");
    assertThat(crumbs.get(1).get("message").asText()).isEqualTo("step 2");
    assertThat(crumbs.get(1).get("level").asText()).isEqualTo("info");
    assertThat(crumbs.get(1).get("timestamp").asLong()).isEqualTo(ManualClock.START_MILLIS);
  }

  @Test
  void withBreadcrumbsFromEventsEveryEventButErrorsLeavesOneWithItsCategory() {
    CrossdeckServer client =
        client(options -> options.breadcrumbsFromEvents(true).eventFlushBatchSize(100));
    client.track(userEvent("page.viewed").toBuilder().property("path", "/pricing").build());
    client.track(userEvent("request.handled"));
    client.track(userEvent("checkout.started"));
    client.captureMessage("first");
    client.captureMessage("second");
    client.flush(Duration.ofSeconds(5));

    JsonNode events = nextBatch().body().get("events");
    JsonNode crumbs = events.get(4).get("properties").get("breadcrumbs");
    assertThat(crumbs.size()).as("errors leave none").isEqualTo(3);
    assertThat(crumbs.get(0).get("category").asText()).isEqualTo("navigation");
    assertThat(crumbs.get(0).get("message").asText()).isEqualTo("page.viewed");
    assertThat(crumbs.get(0).get("data").get("path").asText()).isEqualTo("/pricing");
    assertThat(crumbs.get(1).get("category").asText()).isEqualTo("http");
    assertThat(crumbs.get(2).get("category").asText()).isEqualTo("custom");
    assertThat(crumbs.get(0).get("timestamp").asLong()).isEqualTo(ManualClock.START_MILLIS);
  }

  @Test
  void theErrorHookMayRedactDropOrThrowWithoutBreakingTheCapture() {
    RecordingListener listener = new RecordingListener();
    CrossdeckServer client =
        client(
            options ->
                options
                    .listener(listener)
                    .errorBeforeSend(
                        error -> {
                          if (error.message().contains("drop")) {
                            return null;
                          }
                          if (error.message().contains("throw")) {
                            throw new IllegalStateException("hook bug");
                          }
                          return error
                              .withMessage(error.message().replaceAll("\\S+@\\S+", "<email>"))
                              .withFingerprint("custom01");
                        }));

    TrackResult redacted = client.captureMessage("mail to ada@example.com bounced");
    TrackResult dropped = client.captureError(new IllegalStateException("drop me"));
    TrackResult thrown = client.captureError(new IllegalStateException("throw now"));

    JsonNode properties = next(client).get("properties");
    assertThat(redacted.queued()).isTrue();
    assertThat(properties.get("message").asText()).isEqualTo("mail to <email> bounced");
    assertThat(properties.get("fingerprint").asText()).isEqualTo("custom01");
    assertThat(dropped.dropReason()).isEqualTo(DropReason.BEFORE_SEND);
    assertThat(thrown.dropReason()).isEqualTo(DropReason.BEFORE_SEND_FAILED);
    assertThat(listener.dropped).hasSize(2);
    Diagnostics.Delivery delivery = client.diagnostics().delivery();
    assertThat(delivery.accepted()).isEqualTo(3);
    assertThat(delivery.sent() + delivery.droppedTotal()).isEqualTo(3);
  }
}
