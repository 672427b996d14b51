package com.crossdeck.sample.renewals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The subscriptions, in memory: in a real application, your billing tables. Starts with three demo
 * subscriptions: Ada's and Grace's are due today; Linus's (a subscriber without a demo login) only
 * next week. Thread-safe.
 */
@Component
public class SubscriptionStore {

  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Creates the store with the demo subscriptions, dated from {@code clock}. */
  public SubscriptionStore(Clock clock) {
    this.clock = clock;
    LocalDate today = LocalDate.now(clock);
    add(new Subscription("sub_ada_pro", "user_ada", "pro", 4900, "usd", 3, today));
    add(new Subscription("sub_grace_starter", "user_grace", "starter", 1900, "usd", 7, today));
    add(
        new Subscription(
            "sub_linus_team", "user_linus", "team", 9900, "usd", 1, today.plusDays(7)));
  }

  /** The subscriptions whose renewal is due today or earlier, by id. */
  public List<Subscription> due() {
    LocalDate today = LocalDate.now(clock);
    return subscriptions.values().stream()
        .filter(subscription -> !subscription.renewsOn().isAfter(today))
        .sorted(Comparator.comparing(Subscription::id))
        .toList();
  }

  /**
   * Records the renewal of {@code subscription}'s current cycle; does nothing if that cycle was
   * already recorded.
   */
  public void markRenewed(Subscription subscription) {
    subscriptions.computeIfPresent(
        subscription.id(),
        (id, current) -> current.cycle() == subscription.cycle() ? current.renewed() : current);
  }

  private void add(Subscription subscription) {
    subscriptions.put(subscription.id(), subscription);
  }
}
