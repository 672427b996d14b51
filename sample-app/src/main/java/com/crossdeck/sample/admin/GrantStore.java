package com.crossdeck.sample.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** The grants admins applied, in memory. Thread-safe. */
@Component
public class GrantStore {

  private final Map<String, List<Grant>> byUser = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Creates an empty store. */
  public GrantStore(Clock clock) {
    this.clock = clock;
  }

  /** Gives {@code userId} the entitlement for {@code duration} from now. */
  public Grant apply(String userId, String entitlement, Duration duration, String grantedBy) {
    Grant grant =
        new Grant(
            "grant_" + UUID.randomUUID().toString().replace("-", ""),
            userId,
            entitlement,
            clock.instant().plus(duration),
            grantedBy);
    byUser.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>()).add(grant);
    return grant;
  }

  /** The user's grants that have not expired, oldest first. */
  public List<Grant> activeFor(String userId) {
    return byUser.getOrDefault(userId, List.of()).stream()
        .filter(grant -> grant.expiresAt().isAfter(clock.instant()))
        .toList();
  }
}
