package com.crossdeck.spring.identity;

import java.util.Objects;
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
 * <p>The event takes the request identity bound to the publishing thread when it is created; code
 * without one bound (a WebFlux handler) names it. Immutable.
 */
public final class CrossdeckSignOutEvent extends ApplicationEvent {

  private final RequestIdentity requestIdentity;

  /**
   * Creates the event for the current request.
   *
   * @param source what published it
   */
  public CrossdeckSignOutEvent(Object source) {
    this(source, RequestIdentity.current().orElse(RequestIdentity.NONE));
  }

  /**
   * Creates the event for a sign-out request whose identity is known.
   *
   * @param source what published it
   * @param requestIdentity the identity the sign-out request presented
   */
  public CrossdeckSignOutEvent(Object source, RequestIdentity requestIdentity) {
    super(source);
    this.requestIdentity = Objects.requireNonNull(requestIdentity, "requestIdentity");
  }

  /** The identity the sign-out request presented. */
  public RequestIdentity requestIdentity() {
    return requestIdentity;
  }
}
