package com.crossdeck.spring.boot.autoconfigure;

import static com.crossdeck.spring.boot.autoconfigure.CrossdeckTrackingAutoConfigurationTests.stored;
import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.StoredEvent;
import com.crossdeck.spring.InMemoryReactiveTransactionManager;
import com.crossdeck.spring.InMemoryTransactionManager;
import com.crossdeck.spring.identity.CarriedIdentity;
import com.crossdeck.spring.identity.RequestIdentity;
import com.crossdeck.spring.tracking.TrackEvent;
import com.crossdeck.spring.tracking.TrackEventInterceptor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;

/**
 * {@code @TrackEvent} on methods whose result completes later: {@code CompletableFuture}, {@code
 * Mono}, {@code Flux}. Each result is completed by the test, so what is stored before and after
 * completion is exact.
 */
class TrackEventAsyncResultTests {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(CoreAutoConfigurations.CORE)
          .withConfiguration(
              AutoConfigurations.of(
                  AopAutoConfiguration.class, CrossdeckTrackingAutoConfiguration.class))
          .withPropertyValues("crossdeck.boot-heartbeat=false")
          .withUserConfiguration(JobsConfiguration.class);

  @Test
  @SuppressWarnings("try") // the scope is held only to be closed
  void tracksAFutureWhenItCompletesWithTheIdentityOfTheCallNotOfTheCompletingThread() {
    runner.run(
        context -> {
          Jobs jobs = context.getBean(Jobs.class);
          CompletableFuture<String> result = new CompletableFuture<>();
          CompletableFuture<String> returned;
          try (RequestIdentity.Scope scope = new RequestIdentity("anon_caller", null).bind()) {
            returned = jobs.export(result);
          }
          assertThat(returned).isSameAs(result);
          assertThat(stored(context)).isEmpty();

          CompletableFuture.runAsync(
                  () -> {
                    try (RequestIdentity.Scope other =
                        new RequestIdentity("anon_someone_else", null).bind()) {
                      result.complete("export.csv");
                    }
                  })
              .get(WAIT.toSeconds(), TimeUnit.SECONDS);

          StoredEvent event = onlyStored(context);
          assertThat(event.properties()).containsEntry("file", "export.csv");
          assertThat(event.identity())
              .isEqualTo(new IdentityHint(IdentityHint.Type.ANONYMOUS_ID, "anon_caller"));
        });
  }

  @Test
  void tracksAFailedFutureOnlyWhenAskedAndACancelledOneNever() {
    runner.run(
        context -> {
          Jobs jobs = context.getBean(Jobs.class);
          CompletableFuture<String> failed = new CompletableFuture<>();
          CompletableFuture<String> failedWithoutAsking = new CompletableFuture<>();
          CompletableFuture<String> cancelled = new CompletableFuture<>();
          jobs.charge(failed);
          jobs.export(failedWithoutAsking);
          jobs.charge(cancelled);

          failed.completeExceptionally(new IllegalStateException("card declined"));
          failedWithoutAsking.completeExceptionally(new IllegalStateException("disk full"));
          cancelled.cancel(false);

          StoredEvent event = onlyStored(context);
          assertThat(event.name()).isEqualTo("charge_failed");
          assertThat(event.properties()).containsEntry("message", "card declined");
        });
  }

  @Test
  @SuppressWarnings("try") // the scope is held only to be closed
  void tracksAFutureOfATransactionOnlyOnceBothTheFutureAndTheCommitHappened() {
    runner.run(
        context -> {
          Jobs jobs = context.getBean(Jobs.class);
          RequestIdentity.Scope caller = new RequestIdentity("anon_in_tx", null).bind();
          TransactionTemplate transactions =
              new TransactionTemplate(new InMemoryTransactionManager());
          CompletableFuture<String> completedInside = new CompletableFuture<>();
          CompletableFuture<String> completedAfter = new CompletableFuture<>();
          CompletableFuture<String> rolledBack = new CompletableFuture<>();

          transactions.executeWithoutResult(
              status -> {
                jobs.export(completedInside);
                jobs.export(completedAfter);
                completedInside.complete("inside.csv");
                assertThat(stored(context)).as("before commit").isEmpty();
              });
          assertThat(stored(context))
              .extracting(event -> event.properties().get("file"))
              .containsExactly("inside.csv");
          completedAfter.complete("after.csv");
          transactions.executeWithoutResult(
              status -> {
                jobs.export(rolledBack);
                rolledBack.complete("rolled_back.csv");
                status.setRollbackOnly();
              });

          caller.close();

          assertThat(stored(context))
              .extracting(event -> event.properties().get("file"))
              .containsExactly("inside.csv", "after.csv");
        });
  }

  @Test
  void tracksAMonoOnItsValueAndReturnsTheSameSignals() {
    runner.run(
        context -> {
          Sinks.One<String> payment = Sinks.one();
          CompletableFuture<String> value =
              context
                  .getBean(Jobs.class)
                  .pay(payment.asMono())
                  .contextWrite(identity("user_7"))
                  .toFuture();
          assertThat(stored(context)).isEmpty();

          payment.tryEmitValue("pay_1");

          assertThat(value.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("pay_1");
          StoredEvent event = onlyStored(context);
          assertThat(event.properties()).containsEntry("id", "pay_1");
          assertThat(event.identity())
              .isEqualTo(new IdentityHint(IdentityHint.Type.DEVELOPER_USER_ID, "user_7"));
        });
  }

  @Test
  void tracksAnEmptyMonoWithANullResult() {
    runner.run(
        context -> {
          context
              .getBean(Jobs.class)
              .pay(Mono.empty())
              .contextWrite(identity("user_7"))
              .block(WAIT);

          assertThat(onlyStored(context).properties()).containsEntry("id", null);
        });
  }

  @Test
  void tracksNothingForAFailedOrCancelledMono() {
    runner.run(
        context -> {
          Jobs jobs = context.getBean(Jobs.class);
          jobs.pay(Mono.error(new IllegalStateException("declined")))
              .contextWrite(identity("user_7"))
              .onErrorResume(error -> Mono.empty())
              .block(WAIT);
          Sinks.One<String> never = Sinks.one();
          jobs.pay(never.asMono()).contextWrite(identity("user_7")).subscribe().dispose();
          never.tryEmitValue("too_late");

          assertThat(stored(context)).isEmpty();
        });
  }

  @Test
  void bindsTheResultToTheEmittedValueAndTracksNothingWhenTheMonoFails() {
    runner.run(
        context -> {
          Jobs jobs = context.getBean(Jobs.class);
          Sinks.One<Choice> choice = Sinks.one();
          CompletableFuture<Choice> chosen = jobs.choose(choice.asMono()).toFuture();
          jobs.approve(Mono.error(new IllegalStateException("card declined")))
              .onErrorResume(error -> Mono.empty())
              .block(WAIT);
          assertThat(stored(context)).as("before the value, and for the failure").isEmpty();

          choice.tryEmitValue(new Choice("pro"));
          chosen.get(WAIT.toSeconds(), TimeUnit.SECONDS);

          StoredEvent event = onlyStored(context);
          assertThat(event.properties()).containsEntry("plan", "pro");
          assertThat(context.getBean(TrackEventInterceptor.class).failureCount()).isZero();
        });
  }

  @Test
  void tracksAFluxOnCompletionWithItsLastValue() {
    runner.run(
        context -> {
          Sinks.Many<String> rows = Sinks.many().unicast().onBackpressureBuffer();
          Flux<String> returned =
              context.getBean(Jobs.class).rows(rows.asFlux()).contextWrite(identity("user_7"));
          returned.subscribe();

          rows.tryEmitNext("row_1");
          rows.tryEmitNext("row_2");
          assertThat(stored(context)).as("before completion").isEmpty();
          rows.tryEmitComplete();

          assertThat(onlyStored(context).properties()).containsEntry("last", "row_2");
        });
  }

  @Test
  void tracksAMonoInAReactiveTransactionAfterItCommitsAndNeverOnRollback() {
    runner.run(
        context -> {
          Jobs jobs = context.getBean(Jobs.class);
          TransactionalOperator transactions =
              TransactionalOperator.create(new InMemoryReactiveTransactionManager());

          transactions
              .execute(
                  status ->
                      jobs.pay(Mono.just("pay_committed"))
                          .doOnNext(
                              paid -> assertThat(stored(context)).as("before commit").isEmpty()))
              .contextWrite(identity("user_7"))
              .blockLast(WAIT);
          transactions
              .execute(
                  status ->
                      jobs.pay(Mono.just("pay_rolled_back"))
                          .doOnNext(paid -> status.setRollbackOnly()))
              .contextWrite(identity("user_7"))
              .blockLast(WAIT);

          assertThat(stored(context))
              .extracting(event -> event.properties().get("id"))
              .containsExactly("pay_committed");
        });
  }

  @Test
  void leavesAPublisherItCannotFollowAsItIsAndCountsIt() {
    runner.run(
        context -> {
          ConnectableFlux<String> feed = Flux.just("a").publish();

          assertThat(context.getBean(Jobs.class).feed(feed)).isSameAs(feed);
          assertThat(context.getBean(TrackEventInterceptor.class).failureCount()).isOne();
          assertThat(stored(context)).isEmpty();
        });
  }

  private static Context identity(String userId) {
    return Context.of(CarriedIdentity.CONTEXT_KEY, new CarriedIdentity(userId, null));
  }

  private static StoredEvent onlyStored(
      org.springframework.boot.test.context.assertj.AssertableApplicationContext context) {
    assertThat(stored(context)).hasSize(1);
    return stored(context).get(0);
  }

  /** A plan a customer chose. */
  public record Choice(String plan) {}

  /** Work whose result completes later. Public, as are its methods, for the AOP proxy. */
  public static class Jobs {

    @TrackEvent(value = "export_ready", properties = "{file: #result}")
    public CompletableFuture<String> export(CompletableFuture<String> result) {
      return result;
    }

    @TrackEvent(
        value = "charge_failed",
        onException = true,
        userId = "'user_7'",
        properties = "{message: #exception.message}")
    public CompletableFuture<String> charge(CompletableFuture<String> result) {
      return result;
    }

    @TrackEvent(value = "payment_succeeded", properties = "{id: #result}")
    public Mono<String> pay(Mono<String> payment) {
      return payment;
    }

    @TrackEvent(value = "payment_approved", userId = "'user_7'")
    public Mono<String> approve(Mono<String> approval) {
      return approval;
    }

    @TrackEvent(value = "plan_chosen", userId = "'user_7'", properties = "{plan: #result.plan}")
    public Mono<Choice> choose(Mono<Choice> choice) {
      return choice;
    }

    @TrackEvent(value = "rows_exported", properties = "{last: #result}")
    public Flux<String> rows(Flux<String> rows) {
      return rows;
    }

    @TrackEvent(value = "feed_opened", userId = "'user_7'")
    public ConnectableFlux<String> feed(ConnectableFlux<String> feed) {
      return feed;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class JobsConfiguration {

    @Bean
    Jobs jobs() {
      return new Jobs();
    }
  }
}
