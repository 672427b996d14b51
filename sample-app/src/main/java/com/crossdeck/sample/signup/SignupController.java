package com.crossdeck.sample.signup;

import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.client.Traits;
import com.crossdeck.sample.accounts.Account;
import com.crossdeck.sample.accounts.AccountStore;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /signup}: creates an account, links it to the visitor's anonymous id, and tracks
 * {@code signup_completed} for the new user.
 *
 * <p>The link is what makes one timeline of a person's history: {@link CrossdeckServer#identify}
 * tells Crossdeck that the new user id and the anonymous id the web SDK gave their browser are the
 * same person, and Crossdeck moves every earlier anonymous event (page views, the abandoned cart)
 * onto the user's customer. The email goes along as a trait; it is never the user id.
 *
 * <p>Signing up is not signing in, so the starter does not link here by itself: this controller
 * calls {@code identify} explicitly, the one place it knows a brand-new user and the browser that
 * created them belong together.
 */
@RestController
class SignupController {

  private static final Logger log = LoggerFactory.getLogger(SignupController.class);

  private final AccountStore accounts;
  private final CrossdeckServer crossdeck;
  private final CrossdeckIdentity identity;

  SignupController(AccountStore accounts, CrossdeckServer crossdeck, CrossdeckIdentity identity) {
    this.accounts = accounts;
    this.crossdeck = crossdeck;
    this.identity = identity;
  }

  /**
   * The signup form.
   *
   * @param username what the person will sign in with
   * @param password their password
   * @param email their email address
   */
  record SignupRequest(String username, String password, String email) {}

  @PostMapping("/signup")
  ResponseEntity<Map<String, Object>> signup(@RequestBody SignupRequest request) {
    if (isBlank(request.username()) || isBlank(request.password()) || isBlank(request.email())) {
      return ResponseEntity.badRequest().body(Map.of("error", "username_password_email_required"));
    }
    Optional<Account> created =
        accounts.register(request.username(), request.password(), request.email());
    if (created.isEmpty()) {
      return ResponseEntity.status(409).body(Map.of("error", "username_taken"));
    }
    Account account = created.get();

    // The anonymous id the starter read from the web SDK's cookie or X-Anon-Id. A visitor without
    // one has no anonymous history to link, so there is nothing to identify.
    Optional<String> anonymousId = identity.anonymousId();
    boolean linked = anonymousId.isPresent() && link(account, anonymousId.get());

    // Named explicitly: this request is not signed in as the new user, so the starter would
    // attribute an event without identity to the anonymous id.
    crossdeck.track(
        Event.builder("signup_completed")
            .developerUserId(account.id())
            .eventId("signup_" + account.id())
            .property("plan", account.plan())
            .build());
    // Not needed for delivery (the client sends within crossdeck.event-flush-interval); it makes
    // the timeline the demo page links to complete the moment this response arrives.
    crossdeck.flush();

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userId", account.id());
    body.put("username", account.username());
    body.put("linkedAnonymousId", linked ? anonymousId.get() : null);
    return ResponseEntity.status(201).body(body);
  }

  private boolean link(Account account, String anonymousId) {
    try {
      crossdeck.identify(account.id(), anonymousId, Traits.email(account.email()));
      return true;
    } catch (CrossdeckException e) {
      // The account exists either way. The starter links the browser's anonymous id when the new
      // user signs in with the login form from it (crossdeck.identity.link-anonymous-on-login).
      log.warn("Could not link {} to its anonymous id: {}", account.id(), e.code());
      return false;
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
