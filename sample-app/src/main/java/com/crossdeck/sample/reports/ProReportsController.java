package com.crossdeck.sample.reports;

import com.crossdeck.client.CrossdeckEntitlements;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.IdentityHints;
import com.crossdeck.sample.accounts.Account;
import com.crossdeck.sample.accounts.AccountStore;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /reports/pro}: a page only users holding the {@code pro} entitlement may see, as
 * Crossdeck knows it. An admin's grant ({@code POST /admin/grants}) opens it, a revocation ({@code
 * POST /admin/revocations}) closes it again.
 *
 * <p>The check reads the client's container-local cache: {@code warm} asks Crossdeck at most once
 * per TTL (60 s) per user, and not at all while the answer is fresh; a grant or revocation made
 * through this process is applied to the cache at once. When Crossdeck cannot answer and nothing is
 * known about the user, the page is refused with 503: a paid page fails closed.
 */
@RestController
class ProReportsController {

  static final String ENTITLEMENT = "pro";

  private final AccountStore accounts;
  private final CrossdeckEntitlements entitlements;

  ProReportsController(AccountStore accounts, CrossdeckServer crossdeck) {
    this.accounts = accounts;
    this.entitlements = crossdeck.entitlements();
  }

  @GetMapping("/reports/pro")
  ResponseEntity<?> proReports(Principal principal) {
    // Only signed-in requests get here (SecurityConfig), and every login has an account.
    Account account = accounts.findByUsername(principal.getName()).orElseThrow();
    IdentityHints user = IdentityHints.forUser(account.id());
    try {
      entitlements.warm(user);
    } catch (CrossdeckException e) {
      return ResponseEntity.status(503).body(Map.of("error", "entitlements_unavailable"));
    }
    if (!entitlements.isEntitled(user, ENTITLEMENT)) {
      return ResponseEntity.status(403)
          .body(Map.of("error", "entitlement_required", "entitlement", ENTITLEMENT));
    }
    return ResponseEntity.ok(new ProReport("Revenue by cohort", account.id(), ENTITLEMENT));
  }

  /**
   * The page's content.
   *
   * @param report the report's title
   * @param userId who sees it
   * @param entitlement the entitlement that opened it
   */
  record ProReport(String report, String userId, String entitlement) {}
}
