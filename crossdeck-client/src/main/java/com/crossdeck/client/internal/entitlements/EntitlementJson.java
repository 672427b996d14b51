package com.crossdeck.client.internal.entitlements;

import com.crossdeck.client.AuditEntry;
import com.crossdeck.client.CustomerEntitlements;
import com.crossdeck.client.Entitlement;
import com.crossdeck.client.EntitlementMutation;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the entitlement answers of the extended contract (§2.1–§3.5) into value types.
 *
 * <p>{@code validUntil} and {@code updatedAt} are epoch <em>seconds</em> for the reference SDK, the
 * web SDK and the emulator, epoch milliseconds for the Android SDK (§10.1). A seconds reading of a
 * milliseconds value would put an expiry thousands of years away, so a grant would never expire;
 * any value above {@value #LARGEST_SECONDS} (the year 5138 in seconds, 1973 in milliseconds) is
 * therefore read as milliseconds. Unknown fields are ignored. Stateless.
 */
final class EntitlementJson {

  /** The largest value read as epoch seconds. */
  static final long LARGEST_SECONDS = 100_000_000_000L;

  private EntitlementJson() {}

  static CustomerEntitlements list(JsonNode body) {
    List<Entitlement> entitlements = new ArrayList<>();
    for (JsonNode item : body.path("data")) {
      Entitlement entitlement = entitlement(item);
      if (entitlement != null) {
        entitlements.add(entitlement);
      }
    }
    return new CustomerEntitlements(
        text(body, "crossdeckCustomerId"), entitlements, text(body, "env"));
  }

  /** One entitlement, or {@code null} for an item without a key. */
  static Entitlement entitlement(JsonNode item) {
    String key = text(item, "key");
    if (key == null) {
      return null;
    }
    JsonNode source = item.path("source");
    return new Entitlement(
        key,
        item.path("isActive").asBoolean(false),
        epoch(item.get("validUntil")),
        source.isObject()
            ? new Entitlement.Source(
                text(source, "rail"), text(source, "productId"), text(source, "subscriptionId"))
            : null,
        epoch(item.get("updatedAt")));
  }

  static EntitlementMutation mutation(JsonNode body) {
    return new EntitlementMutation(
        text(body, "action"),
        text(body, "crossdeckCustomerId"),
        entitlement(body.path("entitlement")),
        text(body, "env"));
  }

  static AuditEntry auditEntry(JsonNode body) {
    JsonNode data = body.path("data");
    return new AuditEntry(
        text(data, "eventId"),
        text(data, "rail"),
        text(data, "env"),
        text(data, "eventType"),
        text(data, "projectId"),
        text(data, "subscriptionId"),
        text(data, "customerId"),
        text(data, "fromState"),
        text(data, "toState"),
        text(data, "decision"),
        text(data, "reason"),
        text(data, "derivedSignal"),
        data.path("signatureVerified").asBoolean(false),
        data.path("reconciledWithProvider").asBoolean(false),
        millis(data.get("rawEventReceivedAt")),
        millis(data.get("processedAt")));
  }

  /** An entitlement time: epoch seconds, or milliseconds when too large to be seconds. */
  static Instant epoch(JsonNode value) {
    if (value == null || !value.isNumber()) {
      return null;
    }
    long number = value.asLong();
    return Math.abs(number) > LARGEST_SECONDS
        ? Instant.ofEpochMilli(number)
        : Instant.ofEpochSecond(number);
  }

  private static Instant millis(JsonNode value) {
    return value == null || !value.isNumber() ? null : Instant.ofEpochMilli(value.asLong());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }
}
