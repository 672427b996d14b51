package com.crossdeck.sample.demo;

import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.sample.accounts.AccountStore;
import com.crossdeck.sample.email.SignedLinkToken;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Helpers for the demo page, standing in for systems the sample does not have: an email sender that
 * mints signed links, and Stripe sending a webhook. <b>Demo only</b>, switched off with {@code
 * sample.demo.enabled=false}; never copy these endpoints, they hand out what only your servers and
 * Stripe should be able to produce.
 */
@RestController
@ConditionalOnBooleanProperty(name = "sample.demo.enabled", matchIfMissing = true)
class DemoController {

  private final ObjectProvider<CrossdeckEmulator> emulator;
  private final AccountStore accounts;
  private final SignedLinkToken tokens;
  private final Duration linkValidity;
  private final String webhookSecret;
  private final Clock clock;
  private final HttpClient http = HttpClient.newHttpClient();
  private final SecureRandom random = new SecureRandom();

  DemoController(
      ObjectProvider<CrossdeckEmulator> emulator,
      AccountStore accounts,
      SignedLinkToken tokens,
      @Value("${sample.email-links.valid-for}") Duration linkValidity,
      @Value("${sample.stripe.webhook-secret}") String webhookSecret,
      Clock clock) {
    this.emulator = emulator;
    this.accounts = accounts;
    this.tokens = tokens;
    this.linkValidity = linkValidity;
    this.webhookSecret = webhookSecret;
    this.clock = clock;
  }

  /** Where events go: the embedded emulator's timeline page, or a real Crossdeck project. */
  @GetMapping("/demo/info")
  Map<String, Object> info() {
    CrossdeckEmulator local = emulator.getIfAvailable();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("mode", local != null ? "emulator" : "crossdeck");
    info.put("timelineUrl", local != null ? local.timelineUrl() : null);
    return info;
  }

  /** The link an email to {@code userId} would contain, as the email sender would mint it. */
  @GetMapping("/demo/email-link")
  ResponseEntity<Map<String, String>> emailLink(
      @RequestParam(defaultValue = "user_grace") String userId,
      @RequestParam(defaultValue = "spring_newsletter") String campaign,
      @RequestParam(defaultValue = "/dashboard") String dest) {
    if (accounts.findById(userId).isEmpty()) {
      return ResponseEntity.status(404).body(Map.of("error", "unknown_user"));
    }
    String link =
        "/r?u="
            + tokens.mint(userId, campaign, linkValidity)
            + "&c="
            + URLEncoder.encode(campaign, StandardCharsets.UTF_8)
            + "&dest="
            + URLEncoder.encode(dest, StandardCharsets.UTF_8);
    return ResponseEntity.ok(Map.of("link", link));
  }

  /**
   * What to send as Stripe.
   *
   * @param type {@code payment_intent.succeeded} (default) or {@code customer.subscription.deleted}
   * @param userId the {@code metadata.userId} of the payment or subscription
   * @param eventId an earlier Stripe event id to deliver again (a replay), or none for a new event
   */
  record StripeWebhookRequest(String type, String userId, String eventId) {}

  /**
   * Signs a Stripe test event with the webhook secret and POSTs it to this application's {@code
   * /webhooks/stripe}, as Stripe would.
   */
  @PostMapping("/demo/stripe-webhook")
  ResponseEntity<Map<String, Object>> stripeWebhook(
      @RequestBody(required = false) StripeWebhookRequest request, HttpServletRequest servlet)
      throws IOException, InterruptedException {
    StripeWebhookRequest send =
        request != null ? request : new StripeWebhookRequest(null, null, null);
    String userId = send.userId() != null ? send.userId() : "user_ada";
    String eventId = send.eventId() != null ? send.eventId() : newStripeEventId();
    long created = clock.instant().getEpochSecond();
    String payload =
        "customer.subscription.deleted".equals(send.type())
            ? StripeTestEvents.subscriptionDeleted(eventId, userId, created)
            : StripeTestEvents.paymentSucceeded(eventId, userId, 4900, created);

    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + servlet.getLocalPort() + "/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .header(
                    "Stripe-Signature", StripeTestEvents.signature(payload, webhookSecret, clock))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build(),
            HttpResponse.BodyHandlers.discarding());

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("stripeEventId", eventId);
    result.put("webhookStatus", response.statusCode());
    return ResponseEntity.ok(result);
  }

  /** A fresh id shaped like Stripe's, such as {@code evt_3f9c0a1b2c3d4e5f6a7b8c9d}. */
  private String newStripeEventId() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return "evt_" + HexFormat.of().formatHex(bytes);
  }
}
