package com.crossdeck.client.internal.entitlements;

import com.crossdeck.client.AuditEntry;
import com.crossdeck.client.CustomerEntitlements;
import com.crossdeck.client.EntitlementMutation;
import com.crossdeck.client.IdentityHints;
import com.crossdeck.client.internal.encoding.JsonBody;
import com.crossdeck.client.internal.encoding.JsonWriter;
import com.crossdeck.client.internal.http.ApiClient;
import com.crossdeck.client.internal.http.DirectCall;
import com.crossdeck.client.internal.http.GetRetries;
import com.crossdeck.client.internal.http.PathSegment;
import com.crossdeck.client.internal.http.QueryString;

/**
 * The entitlement endpoints on the wire (extended contract §2.3, §2.4, §3): reads through the GET
 * retry policy, grants and revocations as one POST each with no {@code Idempotency-Key} (the
 * reference SDK's choice: a grant is never sent twice by the SDK). Each returns the parsed answer
 * or throws the typed error. Thread-safe.
 */
final class EntitlementCalls {

  private final ApiClient api;
  private final GetRetries gets;

  EntitlementCalls(ApiClient api, GetRetries gets) {
    this.api = api;
    this.gets = gets;
  }

  /** {@code GET /entitlements?customerId=&userId=&anonymousId=}, every hint given. */
  CustomerEntitlements byHints(IdentityHints hints) {
    String path =
        new QueryString()
            .add("customerId", hints.customerId())
            .add("userId", hints.userId())
            .add("anonymousId", hints.anonymousId())
            .appendTo("/entitlements");
    return EntitlementJson.list(DirectCall.jsonOf(gets.get(path)));
  }

  /** {@code GET /server/customers/{id}/entitlements}. */
  CustomerEntitlements byCustomer(String customerId) {
    return EntitlementJson.list(
        DirectCall.jsonOf(gets.get(customerPath(customerId) + "/entitlements")));
  }

  /** {@code POST /server/customers/{id}/grant} with {@code {entitlementKey, duration, reason}}. */
  EntitlementMutation grant(String customerId, String key, String duration, String reason) {
    JsonWriter body = new JsonWriter(256);
    body.raw((byte) '{');
    boolean first = body.optionalMember("entitlementKey", key, true);
    first = body.optionalMember("duration", duration, first);
    body.optionalMember("reason", reason, first);
    body.raw((byte) '}');
    return mutation(customerPath(customerId) + "/grant", body);
  }

  /** {@code POST /server/customers/{id}/revoke} with {@code {entitlementKey, reason}}. */
  EntitlementMutation revoke(String customerId, String key, String reason) {
    JsonWriter body = new JsonWriter(256);
    body.raw((byte) '{');
    boolean first = body.optionalMember("entitlementKey", key, true);
    body.optionalMember("reason", reason, first);
    body.raw((byte) '}');
    return mutation(customerPath(customerId) + "/revoke", body);
  }

  /** {@code GET /server/audit/{eventId}}, its {@code data} unwrapped. */
  AuditEntry auditEntry(String eventId) {
    return EntitlementJson.auditEntry(
        DirectCall.jsonOf(gets.get("/server/audit/" + PathSegment.encode(eventId))));
  }

  private EntitlementMutation mutation(String path, JsonWriter body) {
    return EntitlementJson.mutation(
        DirectCall.jsonOf(api.post(path, new JsonBody(body.toByteArray()), null)));
  }

  private static String customerPath(String customerId) {
    return "/server/customers/" + PathSegment.encode(customerId);
  }
}
