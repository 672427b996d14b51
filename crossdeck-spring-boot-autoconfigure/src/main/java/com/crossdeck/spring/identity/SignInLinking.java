package com.crossdeck.spring.identity;

import org.springframework.context.ApplicationListener;

/**
 * Links the anonymous id a sign-in request carried to the user who signed in, so the visitor's
 * anonymous history joins their timeline: the starter's only automatic link (switch it off with
 * {@code crossdeck.identity.link-anonymous-on-login=false}).
 *
 * <p>It acts on {@link CrossdeckSignInEvent} alone, which Spring Security's interactive sign-ins
 * (form, OAuth2/OIDC login, remember-me) produce. Requests that merely are authenticated (HTTP
 * Basic, bearer tokens, an existing session) never link: any of them may carry an anonymous id
 * someone else chose. The link goes through the {@link AnonymousIdLinker}, so an anonymous id
 * already linked to another user stays where it is. Thread-safe.
 */
public final class SignInLinking implements ApplicationListener<CrossdeckSignInEvent> {

  private final AnonymousIdLinker linker;

  /**
   * Creates the trigger.
   *
   * @param linker sends the links and remembers them
   */
  public SignInLinking(AnonymousIdLinker linker) {
    this.linker = linker;
  }

  @Override
  public void onApplicationEvent(CrossdeckSignInEvent event) {
    String anonymousId = event.requestIdentity().anonymousId();
    if (anonymousId != null) {
      linker.link(event.userId(), anonymousId);
    }
  }
}
