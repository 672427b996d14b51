package com.crossdeck.sample.security;

import com.crossdeck.spring.identity.CrossdeckIdentity;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /session}: who is signed in, and the CSRF token a script sends to sign in or out with
 * {@code fetch}, as the demo page does instead of opening the login form.
 */
@RestController
class SessionController {

  private final CrossdeckIdentity identity;

  SessionController(CrossdeckIdentity identity) {
    this.identity = identity;
  }

  @GetMapping("/session")
  Map<String, Object> session(CsrfToken csrf) {
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("userId", identity.userId().orElse(null));
    session.put("csrfHeader", csrf.getHeaderName());
    session.put("csrfToken", csrf.getToken());
    return session;
  }
}
