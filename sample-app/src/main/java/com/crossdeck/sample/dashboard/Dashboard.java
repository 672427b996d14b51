package com.crossdeck.sample.dashboard;

import com.crossdeck.sample.admin.Grant;
import java.util.List;

/**
 * What the dashboard page shows.
 *
 * @param username who is signed in
 * @param userId their stable user id
 * @param plan their subscription plan
 * @param grants entitlements admins gave them
 */
public record Dashboard(String username, String userId, String plan, List<Grant> grants) {}
