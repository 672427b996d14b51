package com.crossdeck.sample.renewals;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Renews due subscriptions and puts each renewal on the subscriber's timeline as {@code
 * subscription_renewal_processed}.
 *
 * <p>A job has no request and no signed-in user, so each event names its user explicitly. Its event
 * id, {@code renewal_<subscription>_<cycle>}, names the business fact rather than this run: when a
 * run is repeated (the process died after tracking but before {@link
 * SubscriptionStore#markRenewed}, or two instances of the application both run the schedule)
 * Crossdeck stores each renewal once.
 *
 * <p>The run ends with a flush, so its events are delivered by the time it reports what it did (and
 * before the process exits, when a job runner starts one process per run).
 */
@Component
public class RenewalJob {

  private final SubscriptionStore subscriptions;
  private final CrossdeckServer crossdeck;

  /** Creates the job. */
  public RenewalJob(SubscriptionStore subscriptions, CrossdeckServer crossdeck) {
    this.subscriptions = subscriptions;
    this.crossdeck = crossdeck;
  }

  /**
   * Renews every due subscription. Runs on a schedule (first after one interval) and from {@code
   * POST /admin/renewals/run}; synchronized, so the two never renew the same subscription at once.
   *
   * @return the renewals processed by this run
   */
  @Scheduled(
      fixedDelayString = "${sample.renewals.interval:PT1M}",
      initialDelayString = "${sample.renewals.interval:PT1M}")
  public synchronized List<Renewal> run() {
    List<Renewal> renewals = new ArrayList<>();
    for (Subscription subscription : subscriptions.due()) {
      String eventId = "renewal_" + subscription.id() + "_" + subscription.cycle();
      // Tracked before the renewal is recorded: a crash in between repeats the event on the next
      // run, where the event id deduplicates it, instead of losing it.
      crossdeck.track(
          Event.builder("subscription_renewal_processed")
              .developerUserId(subscription.userId())
              .eventId(eventId)
              .property("subscription", subscription.id())
              .property("plan", subscription.plan())
              .property("amount", subscription.amount())
              .property("currency", subscription.currency())
              .property("cycle", subscription.cycle())
              .build());
      subscriptions.markRenewed(subscription);
      renewals.add(
          new Renewal(subscription.id(), subscription.userId(), subscription.cycle(), eventId));
    }
    if (!renewals.isEmpty()) {
      crossdeck.flush();
    }
    return renewals;
  }

  /**
   * One renewal a run processed.
   *
   * @param subscription the subscription id
   * @param userId the subscriber
   * @param cycle the renewal's cycle number
   * @param eventId the Crossdeck event id it was tracked with
   */
  public record Renewal(String subscription, String userId, int cycle, String eventId) {}
}
