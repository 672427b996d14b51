package com.crossdeck.spring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.spring.EmulatorClients;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;

class CrossdeckLifecycleTests {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  /** Nothing is sent on a timer during a test, so every delivery comes from a drain. */
  private final CrossdeckServer client =
      EmulatorClients.builder(emulator.get()).eventFlushInterval(Duration.ofMinutes(10)).build();

  private final CrossdeckLifecycle lifecycle =
      new CrossdeckLifecycle(client, Duration.ofSeconds(5));

  @AfterEach
  void closeClient() {
    client.close(Duration.ZERO);
  }

  @Test
  void stopsAfterTheWebServersGracefulShutdownAndAfterApplicationExecutors() {
    assertThat(lifecycle.getPhase())
        .isLessThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE)
        .isLessThan(ExecutorConfigurationSupport.DEFAULT_PHASE);
  }

  @Test
  void isRunningOnlyBetweenStartAndStop() {
    assertThat(lifecycle.isRunning()).isFalse();
    lifecycle.start();
    assertThat(lifecycle.isRunning()).isTrue();
    lifecycle.stop(() -> {});
    assertThat(lifecycle.isRunning()).isFalse();
  }

  @Test
  void stopDeliversQueuedEventsThenRunsTheCallback() {
    lifecycle.start();
    client.track(Event.builder("report_exported").developerUserId("user_42").build());
    AtomicBoolean deliveredBeforeCallback = new AtomicBoolean();

    lifecycle.stop(() -> deliveredBeforeCallback.set(emulator.events().size() == 1));

    assertThat(deliveredBeforeCallback).isTrue();
  }

  @Test
  void stopLeavesTheClientOpenForEventsTrackedLaterInShutdown() {
    lifecycle.start();
    lifecycle.stop(() -> {});

    client.track(Event.builder("cache_evicted").developerUserId("user_42").build());
    client.close(Duration.ofSeconds(5));

    assertThat(emulator.events()).extracting("name").containsExactly("cache_evicted");
  }

  @Test
  void stopGivesUpAfterTheTimeoutWhenCrossdeckDoesNotAnswer() {
    CrossdeckLifecycle impatient = new CrossdeckLifecycle(client, Duration.ofMillis(200));
    emulator.faults().latency(Duration.ofSeconds(3));
    impatient.start();
    client.track(Event.builder("report_exported").developerUserId("user_42").build());
    AtomicBoolean callbackRan = new AtomicBoolean();
    long start = System.nanoTime();

    impatient.stop(() -> callbackRan.set(true));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(callbackRan).isTrue();
  }
}
