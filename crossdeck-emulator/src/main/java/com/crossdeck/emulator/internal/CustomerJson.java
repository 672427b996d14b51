package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.Environment;
import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.StoredEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON shapes of the read side: a customer, and a customer's timeline. */
final class CustomerJson {

  private CustomerJson() {}

  static ObjectNode customer(CustomerView view, Environment environment) {
    CustomerSnapshot customer = view.customer();
    ObjectNode json = Json.object();
    json.put("object", "customer");
    json.put("id", customer.id());
    json.put("env", environment.wireName());
    ArrayNode identifiers = json.putArray("identifiers");
    for (IdentityHint identifier : customer.identifiers()) {
      identifiers
          .addObject()
          .put("type", identifier.type().linkType())
          .put("id", identifier.value());
    }
    json.put("email", customer.email());
    ArrayNode entitlements = json.putArray("entitlements");
    customer
        .entitlements()
        .forEach(e -> entitlements.add(EntitlementJson.entitlement(e, view.readAt())));
    ArrayNode audit = json.putArray("auditEventIds");
    view.audit().forEach(entry -> audit.add(entry.eventId()));
    json.set("traits", Json.tree(customer.traits()));
    json.set("mergedFrom", Json.tree(customer.mergedFrom()));
    ArrayNode refused = json.putArray("refusedAliases");
    for (RefusedAlias alias : customer.refusedAliases()) {
      refused
          .addObject()
          .put("at", alias.at().toEpochMilli())
          .put("userId", alias.userId())
          .put("field", alias.identifier().field())
          .put("value", alias.identifier().value());
    }
    json.put("createdAt", customer.createdAt().toEpochMilli());
    json.put("lastActivityAt", customer.lastActivity().toEpochMilli());
    json.put("eventCount", customer.eventCount());
    return json;
  }

  static ObjectNode timeline(CustomerSnapshot customer, Environment environment) {
    ObjectNode json = Json.object();
    json.put("object", "list");
    json.put("customerId", customer.id());
    json.put("env", environment.wireName());
    ArrayNode data = json.putArray("data");
    customer.events().forEach(event -> data.add(event(event)));
    return json;
  }

  private static ObjectNode event(StoredEvent event) {
    ObjectNode json = Json.object();
    json.put("object", "event");
    json.put("eventId", event.eventId());
    json.put("name", event.name());
    json.put("timestamp", event.timestamp());
    json.set("properties", Json.tree(event.properties()));
    json.putObject("source")
        .put("field", event.identity().field())
        .put("value", event.identity().value());
    ArrayNode identities = json.putArray("identities");
    for (IdentityHint hint : event.identities()) {
      identities.addObject().put("field", hint.field()).put("value", hint.value());
    }
    json.put("receivedAt", event.receivedAt().toEpochMilli());
    json.put("idempotencyKey", event.idempotencyKey());
    return json;
  }
}
