package com.crossdeck.spring.identity;

import org.springframework.context.ApplicationListener;

/**
 * The anonymous ids and customer ids that requests carried when their user signed out. They belong
 * to the person who left, so a later request presenting one is treated as presenting none: its
 * events are not attributed to the previous user's customer, and a later sign-in does not link it
 * to whoever signs in next.
 *
 * <p>Memory is per process and bounded: the {@value #CAPACITY} most recent sign-outs are
 * remembered. Another instance of the application, or this one after a restart or once an id was
 * forgotten, no longer knows; the browser half (the web SDK's {@code reset()} at sign-out, and the
 * cookies the starter expires) is what makes the hand-over complete. Thread-safe.
 */
public final class SignedOutIdentifiers implements ApplicationListener<CrossdeckSignOutEvent> {

  /** How many signed-out identifiers are remembered. */
  static final int CAPACITY = 10_000;

  private final RecentlyUsed<String, Boolean> identifiers = new RecentlyUsed<>(CAPACITY);

  /** Remembers the identifiers of the request that signed out. */
  @Override
  public void onApplicationEvent(CrossdeckSignOutEvent event) {
    remember(event.requestIdentity());
  }

  /** Remembers the anonymous id and customer id of {@code identity}, if it has them. */
  public void remember(RequestIdentity identity) {
    if (identity.anonymousId() != null) {
      identifiers.put(identity.anonymousId(), Boolean.TRUE);
    }
    if (identity.customerId() != null) {
      identifiers.put(identity.customerId(), Boolean.TRUE);
    }
  }

  /** Whether a request carried {@code identifier} when its user signed out. */
  public boolean contains(String identifier) {
    return identifiers.containsKey(identifier);
  }
}
