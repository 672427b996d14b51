package com.crossdeck.spring.identity;

import java.util.Objects;
import org.springframework.context.ApplicationEvent;

/**
 * A user has just signed in interactively, in the request being handled: the one moment at which
 * the starter links the anonymous id that request carried to the user (see {@link SignInLinking}).
 *
 * <p>Spring Security's interactive sign-ins (the login form, OAuth2 and OIDC login, remember-me)
 * publish it for you. A sign-in flow of your own publishes it on the thread handling the request in
 * which the person proved who they are, never on requests that merely carry a session or a token:
 *
 * <pre>{@code
 * account = passwords.check(form.username(), form.password());
 * events.publishEvent(new CrossdeckSignInEvent(this, account.id()));
 * }</pre>
 *
 * <p>The event takes the request identity bound to the publishing thread when it is created, so
 * listeners see the identity of the sign-in request even if they run elsewhere; code without one
 * bound (a WebFlux handler) names it. Immutable.
 */
public final class CrossdeckSignInEvent extends ApplicationEvent {

  private final String userId;
  private final RequestIdentity requestIdentity;

  /**
   * Creates the event for the current request.
   *
   * @param source what published it
   * @param userId the stable id of the user who signed in (never an email address)
   */
  public CrossdeckSignInEvent(Object source, String userId) {
    this(source, userId, RequestIdentity.current().orElse(RequestIdentity.NONE));
  }

  /**
   * Creates the event for a sign-in request whose identity is known.
   *
   * @param source what published it
   * @param userId the stable id of the user who signed in (never an email address)
   * @param requestIdentity the identity the sign-in request presented
   */
  public CrossdeckSignInEvent(Object source, String userId, RequestIdentity requestIdentity) {
    super(source);
    this.userId = Objects.requireNonNull(userId, "userId");
    this.requestIdentity = Objects.requireNonNull(requestIdentity, "requestIdentity");
  }

  /** The stable id of the user who signed in. */
  public String userId() {
    return userId;
  }

  /** The identity the sign-in request presented. */
  public RequestIdentity requestIdentity() {
    return requestIdentity;
  }
}
