package com.crossdeck.sample.demo;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.security.GeneralSecurityException;
import java.time.Clock;

/**
 * Builds Stripe events as Stripe sends them, signed with the webhook secret, so the demo can
 * exercise the webhook receiver without a Stripe account. Demo only: a real application never holds
 * code that forges its own webhooks.
 */
final class StripeTestEvents {

  private StripeTestEvents() {}

  /** A {@code payment_intent.succeeded} event for {@code userId}. */
  static String paymentSucceeded(String eventId, String userId, long amount, long created) {
    String paymentIntent = "pi_" + eventId.substring("evt_".length());
    return event(
        eventId,
        "payment_intent.succeeded",
        created,
        """
        {"id":"%s","object":"payment_intent","amount":%d,"amount_received":%d,\
        "currency":"usd","status":"succeeded","customer":"cus_demo","livemode":false,\
        "metadata":{"userId":"%s"}}"""
            .formatted(paymentIntent, amount, amount, userId));
  }

  /** A {@code customer.subscription.deleted} event for {@code userId}. */
  static String subscriptionDeleted(String eventId, String userId, long created) {
    String subscription = "sub_" + eventId.substring("evt_".length());
    return event(
        eventId,
        "customer.subscription.deleted",
        created,
        """
        {"id":"%s","object":"subscription","customer":"cus_demo","status":"canceled",\
        "livemode":false,"metadata":{"userId":"%s"}}"""
            .formatted(subscription, userId));
  }

  /**
   * The {@code Stripe-Signature} header Stripe would send with {@code payload}: {@code
   * t=<timestamp>,v1=<hex HMAC-SHA256 of "<timestamp>.<payload>">}, keyed with the secret.
   */
  static String signature(String payload, String webhookSecret, Clock clock) {
    long timestamp = clock.instant().getEpochSecond();
    try {
      return "t="
          + timestamp
          + ",v1="
          + Webhook.Util.computeHmacSha256(webhookSecret, timestamp + "." + payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String event(String id, String type, long created, String object) {
    return """
        {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,\
        "pending_webhooks":1,"type":"%s","data":{"object":%s}}"""
        .formatted(id, Stripe.API_VERSION, created, type, object);
  }
}
