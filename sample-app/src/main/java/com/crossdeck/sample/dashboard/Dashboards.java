package com.crossdeck.sample.dashboard;

import com.crossdeck.sample.accounts.Account;
import com.crossdeck.sample.admin.GrantStore;
import com.crossdeck.spring.tracking.TrackEvent;
import org.springframework.stereotype.Service;

/**
 * Builds the dashboard, and tracks {@code dashboard_rendered} each time one is built.
 *
 * <p>{@link TrackEvent} does the tracking: after the method returns, with the plan read from its
 * result, attributed to whoever the current request is signed in as. The method itself contains no
 * analytics code. It must be a public method of a Spring bean called from another bean (Spring
 * AOP), which is why it lives here and not in the controller's own private method.
 */
@Service
public class Dashboards {

  private final GrantStore grants;

  /** Creates the service. */
  public Dashboards(GrantStore grants) {
    this.grants = grants;
  }

  /** The dashboard of {@code account}. */
  @TrackEvent(value = "dashboard_rendered", properties = "{plan: #result.plan}")
  public Dashboard render(Account account) {
    return new Dashboard(
        account.username(), account.id(), account.plan(), grants.activeFor(account.id()));
  }
}
