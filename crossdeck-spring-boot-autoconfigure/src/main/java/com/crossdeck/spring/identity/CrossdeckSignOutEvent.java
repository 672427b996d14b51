package com.crossdeck.spring.identity;

import org.springframework.context.ApplicationEvent;

/**
 * A user has just signed out, in the request being handled. From then on the starter no longer
 * attributes events to the anonymous id or customer id that request carried (they belong to the
 * person who left; the next person at that browser must not inherit them), and it expires the web
 * SDK's cookies on the response.
 *
 * <p>Spring Security's logout publishes it for you. A sign-out flow of your own publishes it on the
 * thread handling the sign-out request:
 *
 * <pre>{@code
 * session.invalidate();
 * events.publishEvent(new CrossdeckSignOutEvent(this));
 * }</pre>
 *
 * <p>The event takes the request identity bound to the publishing thread when it is created.
 * Immutable.
 */
public final class CrossdeckSignOutEvent extends ApplicationEvent {

  private final RequestIdentity requestIdentity;

  /**
   * Creates the event for the current request.
   *
   * @param source what published it
   */
  public CrossdeckSignOutEvent(Object source) {
    super(source);
    this.requestIdentity = RequestIdentity.current().orElse(RequestIdentity.NONE);
  }

  /** The identity the sign-out request presented. */
  public RequestIdentity requestIdentity() {
    return requestIdentity;
  }
}
