package com.crossdeck.spring.boot.autoconfigure;

import static com.crossdeck.spring.boot.autoconfigure.CrossdeckTrackingAutoConfigurationTests.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.StoredEvent;
import com.crossdeck.spring.InMemoryTransactionManager;
import com.crossdeck.spring.tracking.TrackEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

/** {@code @TrackEvent} inside transactions: after commit, never on rollback. */
class TrackEventTransactionTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(CoreAutoConfigurations.CORE)
          .withConfiguration(
              AutoConfigurations.of(
                  AopAutoConfiguration.class, CrossdeckTrackingAutoConfiguration.class))
          .withPropertyValues("crossdeck.boot-heartbeat=false")
          .withUserConfiguration(TransferConfiguration.class);

  @Test
  void tracksTheEventOnlyOnceTheTransactionCommits() {
    runner.run(
        context -> {
          long acceptedInsideTransaction = context.getBean(Transfers.class).transferAndCount("t_1");

          assertThat(acceptedInsideTransaction).isZero();
          assertThat(stored(context)).extracting(StoredEvent::name).containsExactly("funds_moved");
        });
  }

  @Test
  void tracksNothingWhenTheTransactionRollsBack() {
    runner.run(
        context -> {
          assertThatIllegalStateException()
              .isThrownBy(() -> context.getBean(Transfers.class).transferThenFail("t_1"));

          assertThat(context.getBean(CrossdeckServer.class).diagnostics().delivery().accepted())
              .isZero();
          assertThat(stored(context)).isEmpty();
        });
  }

  @Test
  void tracksATransactionalAnnotatedMethodOnceWhenItCommits() {
    runner.run(
        context -> {
          context.getBean(Ledger.class).post("t_1");

          assertThat(stored(context)).extracting(StoredEvent::name).containsExactly("funds_posted");
        });
  }

  @Test
  void tracksNothingWhenATransactionalAnnotatedMethodRollsBack() {
    runner.run(
        context -> {
          assertThatIllegalStateException()
              .isThrownBy(() -> context.getBean(Ledger.class).postThenFail("t_1"));

          assertThat(stored(context)).isEmpty();
        });
  }

  /** Tracks inside its caller's transaction, or in its own. */
  static class Ledger {

    @TrackEvent(value = "funds_moved", eventId = "#transferId", userId = "'user_42'")
    public void record(String transferId) {}

    @Transactional
    @TrackEvent(value = "funds_posted", eventId = "#transferId", userId = "'user_42'")
    public void post(String transferId) {}

    @Transactional
    @TrackEvent(value = "funds_posted", eventId = "#transferId", userId = "'user_42'")
    public void postThenFail(String transferId) {
      throw new IllegalStateException("insufficient funds");
    }
  }

  /** Opens the transaction around the ledger. */
  static class Transfers {

    private final Ledger ledger;
    private final CrossdeckServer client;

    Transfers(Ledger ledger, CrossdeckServer client) {
      this.ledger = ledger;
      this.client = client;
    }

    @Transactional
    public long transferAndCount(String transferId) {
      ledger.record(transferId);
      return client.diagnostics().delivery().accepted();
    }

    @Transactional
    public void transferThenFail(String transferId) {
      ledger.record(transferId);
      throw new IllegalStateException("insufficient funds");
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableTransactionManagement
  static class TransferConfiguration {

    @Bean
    PlatformTransactionManager transactionManager() {
      return new InMemoryTransactionManager();
    }

    @Bean
    Ledger ledger() {
      return new Ledger();
    }

    @Bean
    Transfers transfers(Ledger ledger, CrossdeckServer client) {
      return new Transfers(ledger, client);
    }
  }
}
