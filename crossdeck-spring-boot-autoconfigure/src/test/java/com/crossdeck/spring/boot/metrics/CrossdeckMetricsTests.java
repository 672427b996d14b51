package com.crossdeck.spring.boot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.DropReason;
import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHints;
import com.crossdeck.client.outbox.OutboxOptions;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.spring.EmulatorClients;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class CrossdeckMetricsTests {

  private static final String REVOKED_KEY = "cd_sk_test_revoked";

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().revokedKeys(REVOKED_KEY));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private CrossdeckMetrics metrics;
  private CrossdeckServer client = EmulatorClients.client(emulator.get());

  @AfterEach
  void closeClient() {
    client.close(Duration.ZERO);
  }

  @Test
  void countsQueuedAndSentEvents() {
    bind();
    client.track(Event.builder("invoice_paid").developerUserId("user_42").build());
    client.track(Event.builder("invoice_paid").developerUserId("user_43").build());

    assertThat(count("crossdeck.events.queued")).isEqualTo(2);
    client.flush();
    assertThat(count("crossdeck.events.sent")).isEqualTo(2);
    assertThat(registry.get("crossdeck.queue.size").gauge().value()).isZero();
  }

  @Test
  void measuresTheEntitlementCacheHitsMissesStaleServesAndSize() {
    client.close(Duration.ZERO);
    client = EmulatorClients.builder(emulator.get()).timeout(Duration.ofMillis(200)).build();
    bind();
    assertThat(registry.get("crossdeck.entitlements.cache.size").gauge().value()).isZero();
    IdentityHints user = IdentityHints.forUser("user_metrics");
    client.entitlements().get(user);
    client.entitlements().isEntitled(user, "pro");
    client.entitlements().isEntitled(user, "team");
    client.entitlements().isEntitled(IdentityHints.forUser("user_unknown"), "pro");

    assertThat(count("crossdeck.entitlements.cache.hits")).isEqualTo(2);
    assertThat(count("crossdeck.entitlements.cache.misses")).isEqualTo(1);
    assertThat(count("crossdeck.entitlements.cache.stale.serves")).isZero();
    assertThat(registry.get("crossdeck.entitlements.cache.size").gauge().value()).isOne();
    assertThat(registry.get("crossdeck.entitlements.cache.stale").gauge().value()).isZero();

    // An outage: every read times out.
    emulator.faults().latency(Duration.ofSeconds(1));
    assertThatThrownBy(() -> client.entitlements().get(user))
        .isInstanceOf(CrossdeckException.class);
    emulator.faults().latency(Duration.ZERO);
    assertThat(client.entitlements().isEntitled(user, "pro")).isFalse();

    assertThat(count("crossdeck.entitlements.cache.refresh.failures")).isEqualTo(1);
    assertThat(count("crossdeck.entitlements.cache.stale.serves")).isEqualTo(1);
    assertThat(registry.get("crossdeck.entitlements.cache.stale").gauge().value()).isOne();
  }

  @Test
  void timesEachDeliveredBatch() {
    bind();
    client.track(Event.builder("invoice_paid").developerUserId("user_42").build());
    client.flush();

    assertThat(registry.get("crossdeck.flush.duration").timer().count()).isOne();
    assertThat(registry.get("crossdeck.flush.batch.size").summary().totalAmount()).isOne();
  }

  @Test
  void countsDroppedEventsByReason() {
    client.close(Duration.ZERO);
    client = EmulatorClients.builder(emulator.get(), REVOKED_KEY).build();
    bind();
    client.track(Event.builder("invoice_paid").developerUserId("user_42").build());
    client.flush();

    assertThat(
            registry
                .get("crossdeck.events.dropped")
                .tag("reason", "rejected_by_server")
                .functionCounter()
                .count())
        .isOne();
    assertThat(
            registry
                .get("crossdeck.events.dropped")
                .tag("reason", "queue_full")
                .functionCounter()
                .count())
        .isZero();
  }

  @Test
  void countsRejectedEventsByErrorCode() {
    bind();
    client.track(Event.builder("invoice_paid").build());

    assertThat(
            registry
                .get("crossdeck.events.rejected")
                .tag("reason", "missing_identity")
                .functionCounter()
                .count())
        .isOne();
  }

  @Test
  void reportsTheStartersOwnCounters() {
    new CrossdeckMetrics(client, new Counts(3, 4, 2, 1)).bindTo(registry);

    assertThat(count("crossdeck.identity.invalid")).isEqualTo(3);
    assertThat(count("crossdeck.identity.ambiguous")).isEqualTo(4);
    assertThat(count("crossdeck.identity.conflicts")).isEqualTo(2);
    assertThat(count("crossdeck.tracking.failures")).isEqualTo(1);
  }

  @Test
  void tagsOnlyWithBoundedReasonsNeverWithIdsOrEventNames() {
    bind();
    client.track(Event.builder("invoice_paid").developerUserId("user_42").build());
    client.flush();
    Set<String> reasons =
        Arrays.stream(DropReason.values()).map(DropReason::tag).collect(Collectors.toSet());
    reasons.addAll(CrossdeckMetrics.REJECTION_CODES);
    reasons.add("other");

    Set<Tag> tags = new HashSet<>();
    for (Meter meter : registry.getMeters()) {
      tags.addAll(meter.getId().getTags());
    }

    assertThat(tags)
        .allSatisfy(
            tag -> {
              assertThat(tag.getKey()).isEqualTo("reason");
              assertThat(reasons).contains(tag.getValue());
            });
  }

  @Test
  void measuresTheOutboxOfADurableClient() {
    client.close(Duration.ZERO);
    client =
        EmulatorClients.builder(emulator.get())
            .outbox(
                OutboxOptions.builder(new SimpleDriverDataSource(new org.h2.Driver(), h2()))
                    .build())
            .build();
    bind();
    client.track(Event.builder("invoice_paid").developerUserId("user_42").build());
    client.flush();

    assertThat(count("crossdeck.outbox.written")).isOne();
    assertThat(count("crossdeck.outbox.fallbacks")).isZero();
    assertThat(count("crossdeck.outbox.rolled.back")).isZero();
    assertThat(count("crossdeck.outbox.relay.failures")).isZero();
    assertThat(registry.get("crossdeck.outbox.depth").gauge().value()).isZero();
    assertThat(registry.get("crossdeck.outbox.oldest.age").timeGauge().value()).isZero();
    assertThat(registry.get("crossdeck.outbox.relay.lag").timeGauge().value()).isNotNegative();
  }

  @Test
  void hasNoOutboxMetersForAClientThatQueuesInMemory() {
    bind();

    assertThat(registry.find("crossdeck.outbox.depth").meter()).isNull();
  }

  private static String h2() {
    return "jdbc:h2:mem:metrics" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
  }

  private void bind() {
    // Kept in a field, as the application context keeps the bean: Micrometer holds a function
    // counter's object weakly, and a GC before the read would make it count zero.
    metrics = new CrossdeckMetrics(client, new Counts(0, 0, 0, 0));
    metrics.bindTo(registry);
  }

  private double count(String name) {
    return registry.get(name).functionCounter().count();
  }

  private record Counts(
      long invalidIdentities,
      long ambiguousIdentities,
      long identityConflicts,
      long trackingFailures)
      implements CrossdeckMetrics.StarterCounts {}
}
