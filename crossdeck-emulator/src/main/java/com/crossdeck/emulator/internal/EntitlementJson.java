package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.AuditEntry;
import com.crossdeck.emulator.Entitlement;
import com.crossdeck.emulator.Environment;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The wire shapes of entitlements (contract-extended §2.1–§2.2, §3.3, §3.5). {@code validUntil} and
 * {@code updatedAt} are epoch <em>seconds</em>, the unit the Node and web SDKs compare {@code
 * validUntil} with; audit times ({@code rawEventReceivedAt}, {@code processedAt}) are epoch
 * milliseconds, as in the contract's example.
 */
final class EntitlementJson {

  private EntitlementJson() {}

  /**
   * One {@code PublicEntitlement}; {@code isActive} is whether it grants access at {@code now}, so
   * an expired grant reads inactive even to a client that ignores {@code validUntil}.
   */
  static ObjectNode entitlement(Entitlement entitlement, Instant now) {
    ObjectNode json = Json.object();
    json.put("object", "entitlement");
    json.put("key", entitlement.key());
    json.put("isActive", entitlement.grantsAccessAt(now));
    json.put("validUntil", seconds(entitlement.validUntil()));
    json.putObject("source")
        .put("rail", entitlement.rail())
        .put("productId", entitlement.productId())
        .put("subscriptionId", entitlement.subscriptionId());
    json.put("updatedAt", seconds(entitlement.updatedAt()));
    return json;
  }

  /** {@code {"object":"list","data":[…],"crossdeckCustomerId","env"}}. */
  static ObjectNode list(
      String customerId, List<Entitlement> entitlements, Environment env, Instant now) {
    ObjectNode json = Json.object();
    json.put("object", "list");
    ArrayNode data = json.putArray("data");
    entitlements.forEach(entitlement -> data.add(entitlement(entitlement, now)));
    json.put("crossdeckCustomerId", customerId);
    json.put("env", env.wireName());
    return json;
  }

  /**
   * {@code {"object":"entitlement_mutation","action","crossdeckCustomerId","entitlement","env"}}.
   */
  static ObjectNode mutation(
      String action, EntitlementLedger.Mutation mutation, Environment env, Instant now) {
    ObjectNode json = Json.object();
    json.put("object", "entitlement_mutation");
    json.put("action", action);
    json.put("crossdeckCustomerId", mutation.customerId());
    json.set("entitlement", entitlement(mutation.change().entitlement(), now));
    json.put("env", env.wireName());
    return json;
  }

  /** {@code {"object":"audit_entry","data":{…}}}; an absent reason is left out. */
  static ObjectNode audit(AuditEntry entry, String projectId) {
    ObjectNode data = Json.object();
    data.put("eventId", entry.eventId());
    data.put("rail", EntitlementBook.MANUAL);
    data.put("env", entry.environment().wireName());
    data.put("eventType", entry.eventType());
    data.put("projectId", projectId);
    data.put("subscriptionId", EntitlementBook.MANUAL_SUBSCRIPTION);
    data.put("customerId", entry.customerId());
    data.put("fromState", entry.fromState());
    data.put("toState", entry.toState());
    data.put("decision", entry.decision());
    if (entry.reason() != null) {
      data.put("reason", entry.reason());
    }
    data.put("signatureVerified", true);
    data.put("reconciledWithProvider", false);
    data.put("rawEventReceivedAt", entry.processedAt().toEpochMilli());
    data.put("processedAt", entry.processedAt().toEpochMilli());
    ObjectNode json = Json.object();
    json.put("object", "audit_entry");
    json.set("data", data);
    return json;
  }

  private static Long seconds(Instant instant) {
    return instant == null ? null : instant.getEpochSecond();
  }
}
