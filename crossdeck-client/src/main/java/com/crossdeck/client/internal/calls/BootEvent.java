package com.crossdeck.client.internal.calls;

import com.crossdeck.client.Event;
import com.crossdeck.client.internal.RuntimeContext;
import com.crossdeck.client.internal.errors.ProcessAnonymousId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code sdk.boot} event (extended contract §2.7): sent once, when the boot heartbeat runs,
 * with flat {@code durability.*} facts that tell whether entitlement answers survive a cold start.
 * It carries this process's anonymous id and rides the normal queue, super-properties and groups
 * included.
 */
public final class BootEvent {

  /** The event's name. */
  public static final String NAME = "sdk.boot";

  private BootEvent() {}

  /**
   * The event.
   *
   * @param runtime where the process runs
   * @param entitlementStore whether an entitlement store is configured
   * @param entitlementCacheTtl the cache's TTL
   */
  public static Event of(
      RuntimeContext runtime, boolean entitlementStore, Duration entitlementCacheTtl) {
    boolean serverless = runtime.isServerless();
    Map<String, Object> durability = new LinkedHashMap<>();
    durability.put("durability.entitlementStore", entitlementStore);
    durability.put("durability.coldStartDurable", entitlementStore || !serverless);
    durability.put("durability.runtimeIsServerless", serverless);
    durability.put("durability.runtimeHost", runtime.host());
    durability.put("durability.entitlementCacheTtlMs", entitlementCacheTtl.toMillis());
    return Event.builder(NAME).anonymousId(ProcessAnonymousId.get()).properties(durability).build();
  }
}
