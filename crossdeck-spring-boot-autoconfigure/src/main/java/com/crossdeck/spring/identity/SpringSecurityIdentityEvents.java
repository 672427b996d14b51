package com.crossdeck.spring.identity;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;

/**
 * Turns Spring Security's sign-in and sign-out into Crossdeck's: an {@link
 * InteractiveAuthenticationSuccessEvent} (login form, OAuth2/OIDC login, remember-me; never HTTP
 * Basic or a bearer token) becomes a {@link CrossdeckSignInEvent}, a {@link LogoutSuccessEvent} a
 * {@link CrossdeckSignOutEvent}.
 *
 * <p>Spring Security publishes both on the thread handling the request, after it stored the new
 * authentication (or cleared the old one), so the user id comes from the application's {@link
 * CrossdeckUserIdResolver}s like any event's, and the request identity is the one the starter's
 * filter bound to that request. A sign-in for which no resolver returns a user id is not passed on.
 * Thread-safe.
 */
public final class SpringSecurityIdentityEvents implements SmartApplicationListener {

  private final CrossdeckIdentity identity;
  private final ApplicationEventPublisher publisher;

  /**
   * Creates the bridge.
   *
   * @param identity resolves the user who signed in
   * @param publisher publishes the Crossdeck events
   */
  public SpringSecurityIdentityEvents(
      CrossdeckIdentity identity, ApplicationEventPublisher publisher) {
    this.identity = identity;
    this.publisher = publisher;
  }

  @Override
  public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
    return InteractiveAuthenticationSuccessEvent.class.isAssignableFrom(eventType)
        || LogoutSuccessEvent.class.isAssignableFrom(eventType);
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof InteractiveAuthenticationSuccessEvent) {
      identity
          .userId()
          .ifPresent(userId -> publisher.publishEvent(new CrossdeckSignInEvent(this, userId)));
    } else if (event instanceof LogoutSuccessEvent) {
      publisher.publishEvent(new CrossdeckSignOutEvent(this));
    }
  }
}
