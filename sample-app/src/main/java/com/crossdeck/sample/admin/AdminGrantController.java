package com.crossdeck.sample.admin;

import com.crossdeck.client.CrossdeckEntitlements;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.EntitlementGrant;
import com.crossdeck.client.EntitlementMutation;
import com.crossdeck.client.EntitlementRevoke;
import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHints;
import com.crossdeck.sample.accounts.AccountStore;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/grants}: an admin gives a user an entitlement, granted in Crossdeck ({@code
 * CrossdeckServer.entitlements().grant}, audited there with the admin as the reason's author), and
 * the grant appears on the <em>user's</em> timeline as {@code admin_grant_applied}, with the admin
 * recorded as the {@code actor} property. {@code POST /admin/revocations} takes it back ({@code
 * admin_grant_revoked}). Pages gated on the entitlement ({@code /reports/pro}) follow at once.
 *
 * <p>The request is the admin's, so the starter would attribute an event without identity to the
 * admin: naming the target user on the event is what puts it on the right timeline. Only admins
 * reach this controller ({@code /admin/**} in {@code SecurityConfig}); others get 403 and nothing
 * is tracked.
 */
@RestController
class AdminGrantController {

  private final AccountStore accounts;
  private final GrantStore grants;
  private final CrossdeckServer crossdeck;
  private final CrossdeckIdentity identity;
  private final CrossdeckEntitlements entitlements;

  AdminGrantController(
      AccountStore accounts,
      GrantStore grants,
      CrossdeckServer crossdeck,
      CrossdeckIdentity identity) {
    this.accounts = accounts;
    this.grants = grants;
    this.crossdeck = crossdeck;
    this.identity = identity;
    this.entitlements = crossdeck.entitlements();
  }

  /**
   * The grant to apply.
   *
   * @param userId the user's stable id, such as {@code user_grace}
   * @param entitlement what to grant, such as {@code pro}
   * @param duration for how long, ISO-8601, such as {@code P30D}
   */
  record GrantRequest(String userId, String entitlement, String duration) {}

  @PostMapping(path = "/admin/grants", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> grant(@RequestBody GrantRequest request) {
    if (request.userId() == null || accounts.findById(request.userId()).isEmpty()) {
      return ResponseEntity.status(404).body(Map.of("error", "unknown_user"));
    }
    if (request.entitlement() == null || request.entitlement().isBlank()) {
      return ResponseEntity.badRequest().body(Map.of("error", "missing_entitlement"));
    }
    Optional<Duration> duration = parse(request.duration());
    if (duration.isEmpty()) {
      return ResponseEntity.badRequest().body(Map.of("error", "invalid_duration"));
    }
    // The same resolver that attributes the admin's own events gives their stable user id.
    String actor = identity.userId().orElseThrow();
    try {
      entitlements.grant(
          new EntitlementGrant(
              customerOf(request.userId()),
              request.entitlement(),
              request.duration(),
              "Granted by " + actor));
    } catch (CrossdeckException e) {
      return crossdeckFailed(e);
    }

    Grant grant = grants.apply(request.userId(), request.entitlement(), duration.get(), actor);
    crossdeck.track(
        Event.builder("admin_grant_applied")
            .developerUserId(grant.userId())
            .eventId(grant.id())
            .property("actor", actor)
            .property("entitlement", grant.entitlement())
            .property("duration", request.duration())
            .property("expires_at", grant.expiresAt())
            .build());
    return ResponseEntity.status(201).body(grant);
  }

  /**
   * The entitlement to take back.
   *
   * @param userId the user's stable id
   * @param entitlement what to revoke, such as {@code pro}
   */
  record RevokeRequest(String userId, String entitlement) {}

  @PostMapping(path = "/admin/revocations", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> revoke(@RequestBody RevokeRequest request) {
    if (request.userId() == null || accounts.findById(request.userId()).isEmpty()) {
      return ResponseEntity.status(404).body(Map.of("error", "unknown_user"));
    }
    if (request.entitlement() == null || request.entitlement().isBlank()) {
      return ResponseEntity.badRequest().body(Map.of("error", "missing_entitlement"));
    }
    String actor = identity.userId().orElseThrow();
    EntitlementMutation revoked;
    try {
      revoked =
          entitlements.revoke(
              new EntitlementRevoke(
                  customerOf(request.userId()), request.entitlement(), "Revoked by " + actor));
    } catch (CrossdeckException e) {
      return crossdeckFailed(e);
    }
    crossdeck.track(
        Event.builder("admin_grant_revoked")
            .developerUserId(request.userId())
            .property("actor", actor)
            .property("entitlement", request.entitlement())
            .build());
    return ResponseEntity.ok(
        new Revocation(
            request.userId(),
            request.entitlement(),
            revoked.entitlement() != null && revoked.entitlement().active()));
  }

  /**
   * What a revocation left.
   *
   * @param userId whose entitlement it was
   * @param entitlement the entitlement
   * @param active whether Crossdeck still holds it active (false once revoked)
   */
  record Revocation(String userId, String entitlement, boolean active) {}

  /** The user's Crossdeck customer id, which grants and revocations are addressed to. */
  private String customerOf(String userId) {
    return entitlements.get(IdentityHints.forUser(userId)).crossdeckCustomerId();
  }

  private static ResponseEntity<?> crossdeckFailed(CrossdeckException e) {
    return ResponseEntity.status(502)
        .body(Map.of("error", "crossdeck_unavailable", "code", String.valueOf(e.code())));
  }

  private static Optional<Duration> parse(String duration) {
    try {
      return duration == null
          ? Optional.empty()
          : Optional.of(Duration.parse(duration))
              .filter(parsed -> !parsed.isNegative() && !parsed.isZero());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
