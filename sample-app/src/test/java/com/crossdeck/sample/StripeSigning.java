package com.crossdeck.sample;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook payloads exactly as Stripe does, written from Stripe's documentation rather than
 * with stripe-java, so the receiver's verification is tested against an independent signer: {@code
 * Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>">}, keyed with the
 * endpoint's {@code whsec_…} secret as a string.
 */
final class StripeSigning {

  private StripeSigning() {}

  static String signature(String payload, String secret, long timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A {@code payment_intent.succeeded} event as Stripe sends it. */
  static String paymentSucceeded(String eventId, String userId, long amount) {
    return """
        {
          "id": "%s",
          "object": "event",
          "api_version": "2025-08-27.basil",
          "created": 1764150000,
          "data": {
            "object": {
              "id": "pi_3QxTest%s",
              "object": "payment_intent",
              "amount": %d,
              "amount_received": %d,
              "currency": "eur",
              "customer": "cus_RtTest42",
              "livemode": false,
              "metadata": {"userId": "%s"},
              "status": "succeeded"
            }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": "req_Test42", "idempotency_key": null},
          "type": "payment_intent.succeeded"
        }
        """
        .formatted(eventId, eventId.substring(4), amount, amount, userId);
  }

  /** A {@code customer.subscription.deleted} event as Stripe sends it. */
  static String subscriptionDeleted(String eventId, String subscriptionId, String userId) {
    return """
        {
          "id": "%s",
          "object": "event",
          "api_version": "2025-08-27.basil",
          "created": 1764150000,
          "data": {
            "object": {
              "id": "%s",
              "object": "subscription",
              "cancel_at_period_end": false,
              "customer": "cus_RtTest42",
              "livemode": false,
              "metadata": {"userId": "%s"},
              "status": "canceled"
            }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": null, "idempotency_key": null},
          "type": "customer.subscription.deleted"
        }
        """
        .formatted(eventId, subscriptionId, userId);
  }
}
