package com.crossdeck.sample.dashboard;

import com.crossdeck.sample.accounts.AccountStore;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /dashboard}: the signed-in user's server-rendered page ({@code dashboard.html}). */
@Controller
class DashboardController {

  private final AccountStore accounts;
  private final Dashboards dashboards;

  DashboardController(AccountStore accounts, Dashboards dashboards) {
    this.accounts = accounts;
    this.dashboards = dashboards;
  }

  @GetMapping("/dashboard")
  String dashboard(Principal principal, Model model) {
    // Only signed-in requests get here (SecurityConfig), and every login has an account.
    model.addAttribute(
        "dashboard", dashboards.render(accounts.findByUsername(principal.getName()).orElseThrow()));
    return "dashboard";
  }
}
