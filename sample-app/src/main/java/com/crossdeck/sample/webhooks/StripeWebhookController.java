package com.crossdeck.sample.webhooks;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.client.FlushResult;
import com.crossdeck.client.TrackResult;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.net.Webhook;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives Stripe webhooks and puts the payments and cancellations they report on the paying user's
 * timeline: {@code payment_intent.succeeded} becomes {@code purchase_completed}, {@code
 * customer.subscription.deleted} becomes {@code subscription_cancelled}.
 *
 * <p>Four rules every webhook receiver should follow:
 *
 * <ol>
 *   <li><b>Bound the body before reading it.</b> Anyone can POST here, and the signature can only
 *       be checked once the body is read; a body over {@value #MAX_BODY_BYTES} bytes (Stripe's
 *       events are a few kilobytes) gets 413 without being read into memory.
 *   <li><b>Verify before anything else.</b> The signature covers the exact bytes Stripe sent, so
 *       the body is read raw and checked with {@link Webhook#constructEvent} before a single field
 *       is trusted; a request that fails gets 400 and tracks nothing.
 *   <li><b>Derive the event id from Stripe's.</b> Stripe delivers at least once and retries for
 *       days; {@code "stripe_" + event.id} makes Crossdeck store each payment once however often it
 *       arrives.
 *   <li><b>Answer 2xx only once the event is delivered.</b> The 2xx tells Stripe it may forget the
 *       event, so the receiver flushes first and answers 200 only if {@link
 *       FlushResult#allDelivered()}: if delivery did not finish in time, or the event was dropped
 *       (a rejected key, say), it answers 503 and Stripe retries, which the stable event id makes
 *       harmless. An event Crossdeck refuses outright (a user id over 256 characters) is answered
 *       422 and logged, so the failure shows in Stripe's dashboard instead of a payment silently
 *       missing from a timeline.
 * </ol>
 *
 * <p>There is no signed-in user here: the user id comes from the metadata your checkout code put on
 * the payment ({@code metadata.userId}).
 */
@RestController
class StripeWebhookController {

  private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

  /** The largest body read: 1 MiB, far above any Stripe event. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private final CrossdeckServer crossdeck;
  private final String webhookSecret;

  StripeWebhookController(
      CrossdeckServer crossdeck, @Value("${sample.stripe.webhook-secret}") String webhookSecret) {
    this.crossdeck = crossdeck;
    this.webhookSecret = webhookSecret;
  }

  @PostMapping("/webhooks/stripe")
  ResponseEntity<Void> receive(
      HttpServletRequest request,
      @RequestHeader(name = "Stripe-Signature", required = false) String signature)
      throws IOException, EventDataObjectDeserializationException {
    String payload = readAtMostOneMegabyte(request);
    if (payload == null) {
      log.warn("Rejected a Stripe webhook over {} bytes without reading it", MAX_BODY_BYTES);
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
    }
    com.stripe.model.Event stripeEvent;
    try {
      stripeEvent = Webhook.constructEvent(payload, signature, webhookSecret);
    } catch (SignatureVerificationException e) {
      log.warn("Rejected a Stripe webhook that failed verification: {}", e.getMessage());
      return ResponseEntity.badRequest().build();
    } catch (RuntimeException e) { // stripe-java's JSON parser: the body is no Stripe event
      log.warn("Rejected a Stripe webhook that is not an event: {}", e.getMessage());
      return ResponseEntity.badRequest().build();
    }

    Event event = toCrossdeckEvent(stripeEvent);
    if (event == null) {
      return ResponseEntity.ok().build(); // a type this app does not track: acknowledge it
    }
    TrackResult tracked = crossdeck.track(event);
    if (tracked.rejected()) {
      log.error(
          "Stripe event {} cannot be tracked ({}): {}",
          stripeEvent.getId(),
          tracked.errorCode(),
          tracked.message());
      return ResponseEntity.unprocessableEntity().build();
    }
    // Bounded well inside the time Stripe waits for an answer.
    FlushResult flush = crossdeck.flush(Duration.ofSeconds(5));
    return flush.allDelivered()
        ? ResponseEntity.ok().build()
        : ResponseEntity.status(503).build(); // Stripe retries; the event id deduplicates
  }

  /** The body as UTF-8, or {@code null} when it is longer than {@link #MAX_BODY_BYTES}. */
  private static String readAtMostOneMegabyte(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      return null;
    }
    try (InputStream body = request.getInputStream()) {
      byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
      return bytes.length > MAX_BODY_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** The Crossdeck event for a Stripe event, or {@code null} for types and objects not tracked. */
  private static Event toCrossdeckEvent(com.stripe.model.Event stripeEvent)
      throws EventDataObjectDeserializationException {
    String eventId = "stripe_" + stripeEvent.getId();
    switch (stripeEvent.getType()) {
      case "payment_intent.succeeded" -> {
        PaymentIntent payment = (PaymentIntent) dataObject(stripeEvent);
        String userId = userIdOf(payment.getMetadata(), stripeEvent);
        return userId == null
            ? null
            : Event.builder("purchase_completed")
                .developerUserId(userId)
                .eventId(eventId)
                .property("amount", payment.getAmount())
                .property("currency", payment.getCurrency())
                .property("payment_intent", payment.getId())
                .build();
      }
      case "customer.subscription.deleted" -> {
        Subscription subscription = (Subscription) dataObject(stripeEvent);
        String userId = userIdOf(subscription.getMetadata(), stripeEvent);
        return userId == null
            ? null
            : Event.builder("subscription_cancelled")
                .developerUserId(userId)
                .eventId(eventId)
                .property("subscription", subscription.getId())
                .property("stripe_customer", subscription.getCustomer())
                .build();
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * The event's object. The fields read here are the same in every Stripe API version, so an event
   * sent with an API version other than this stripe-java's is read anyway rather than refused.
   */
  private static StripeObject dataObject(com.stripe.model.Event stripeEvent)
      throws EventDataObjectDeserializationException {
    EventDataObjectDeserializer data = stripeEvent.getDataObjectDeserializer();
    return data.getObject().isPresent() ? data.getObject().get() : data.deserializeUnsafe();
  }

  private static String userIdOf(Map<String, String> metadata, com.stripe.model.Event stripeEvent) {
    String userId = metadata == null ? null : metadata.get("userId");
    if (userId == null || userId.isBlank()) {
      // Without our user id the event cannot join a timeline; fix the checkout code that created
      // the Stripe object rather than guessing (an email or a Stripe customer id is no user id).
      log.warn("Stripe event {} has no metadata.userId; not tracked", stripeEvent.getId());
      return null;
    }
    return userId;
  }
}
