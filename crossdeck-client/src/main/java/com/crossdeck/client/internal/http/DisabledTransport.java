package com.crossdeck.client.internal.http;

import com.crossdeck.client.transport.Transport;
import com.crossdeck.client.transport.TransportRequest;
import com.crossdeck.client.transport.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Answers every request locally with a plausible success, so a disabled client behaves like a
 * healthy one (events are accepted and discarded, identify succeeds) without any network traffic.
 */
public final class DisabledTransport implements Transport {

  @Override
  public TransportResponse execute(TransportRequest request) {
    String url = request.url();
    String body;
    if (url.endsWith("/identity/alias")) {
      body =
          "{\"object\":\"alias_result\",\"linked\":[],\"mergePending\":false,\"env\":\"disabled\"}";
    } else if (url.endsWith("/sdk/heartbeat")) {
      body = "{\"object\":\"heartbeat\",\"ok\":true,\"env\":\"disabled\"}";
    } else if (url.endsWith("/identity/forget")) {
      body = "{\"object\":\"forgot\",\"crossdeckCustomerId\":null,\"env\":\"disabled\"}";
    } else if (url.contains("/entitlements")) {
      // No customer id: nothing is cached, and every entitlement check answers false.
      body = "{\"object\":\"list\",\"data\":[],\"env\":\"disabled\"}";
    } else {
      body = "{\"object\":\"list\",\"received\":0,\"env\":\"disabled\"}";
    }
    return new TransportResponse(200, Map.of(), body.getBytes(StandardCharsets.UTF_8));
  }
}
