package com.crossdeck.spring.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.IdentityHint;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

@SuppressWarnings("try") // identity scopes are held only to be closed
class CrossdeckIdentityTaskDecoratorTests {

  /** Stands in for a security context: thread-bound, so a worker thread starts without one. */
  private static final ThreadLocal<String> signedInUser = new ThreadLocal<>();

  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private final CrossdeckIdentity identity = identityResolvedFromTheSignedInUser();
  private final CrossdeckIdentityTaskDecorator decorator =
      new CrossdeckIdentityTaskDecorator(identity);

  @AfterEach
  void stopWorker() throws InterruptedException {
    signedInUser.remove();
    worker.shutdownNow();
    assertThat(worker.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aWorkerThreadSeesNoIdentityWithoutTheDecorator() throws Exception {
    signedInUser.set("user_42");
    try (RequestIdentity.Scope scope = new RequestIdentity("anon_1", null).bind()) {
      assertThat(runOnWorker(identity::hint)).isEmpty();
    }
  }

  @Test
  void carriesTheSignedInUserToTheWorkerThread() throws Exception {
    signedInUser.set("user_42");

    assertThat(runOnWorker(decorated(identity::hint)))
        .contains(IdentityHint.developerUserId("user_42"));
  }

  @Test
  void carriesTheRequestsAnonymousAndCustomerIdsToTheWorkerThread() throws Exception {
    try (RequestIdentity.Scope scope = new RequestIdentity("anon_1", "cdcust_1").bind()) {
      assertThat(runOnWorker(decorated(identity::anonymousId))).contains("anon_1");
      assertThat(runOnWorker(decorated(identity::customerId))).contains("cdcust_1");
      assertThat(runOnWorker(decorated(identity::hint)))
          .contains(IdentityHint.anonymousId("anon_1"));
    }
  }

  @Test
  void resolvesTheUserWhenTheTaskIsSubmittedNotWhenItRuns() throws Exception {
    signedInUser.set("user_42");
    AtomicReference<Optional<String>> seen = new AtomicReference<>();
    Runnable reads = decorator.decorate(() -> seen.set(identity.userId()));
    signedInUser.set("user_after_submit");

    worker.submit(reads).get(5, TimeUnit.SECONDS);

    assertThat(seen.get()).contains("user_42");
  }

  @Test
  void theCarriedUserWinsOverAUserTheWorkerThreadStillHoldsFromEarlierWork() throws Exception {
    worker.submit(() -> signedInUser.set("stale_user")).get(5, TimeUnit.SECONDS);
    signedInUser.set("user_42");

    assertThat(runOnWorker(decorated(identity::userId))).contains("user_42");
  }

  @Test
  void leavesNothingBoundOnThePooledThreadOnceTheTaskEnds() throws Exception {
    signedInUser.set("user_42");
    try (RequestIdentity.Scope scope = new RequestIdentity("anon_1", null).bind()) {
      runOnWorker(decorated(identity::hint));
    }

    assertThat(runOnWorker(identity::userId)).isEmpty();
    assertThat(runOnWorker(RequestIdentity::current)).isEmpty();
  }

  @Test
  void restoresTheCallersIdentityWhenTheTaskRunsOnTheSubmittingThread() {
    // A saturated pool with CallerRunsPolicy runs the decorated task on the submitting thread.
    try (RequestIdentity.Scope scope = new RequestIdentity("anon_caller", null).bind()) {
      Runnable task = decorator.decorate(() -> {});
      try (RequestIdentity.Scope other = new RequestIdentity("anon_other", null).bind()) {
        task.run();
        assertThat(identity.anonymousId()).contains("anon_other");
      }
      assertThat(identity.anonymousId()).contains("anon_caller");
    }
  }

  @Test
  void aTaskSubmittedByACarriedTaskCarriesTheIdentityFurther() throws Exception {
    ExecutorService second = Executors.newSingleThreadExecutor();
    try {
      signedInUser.set("user_42");
      Optional<IdentityHint> seen =
          runOnWorker(
              decorated(() -> second.submit(decorated(identity::hint)).get(5, TimeUnit.SECONDS)));

      assertThat(seen).contains(IdentityHint.developerUserId("user_42"));
    } finally {
      second.shutdownNow();
    }
  }

  @Test
  void resolvesNoUserForTasksSubmittedWhileTheContextIsStillStarting() {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("signedIn", (CrossdeckUserIdResolver) signedInUser::get);
    CrossdeckIdentity starting =
        new CrossdeckIdentity(beans.getBeanProvider(CrossdeckUserIdResolver.class));
    signedInUser.set("user_42");
    Runnable task = () -> {};

    assertThat(new CrossdeckIdentityTaskDecorator(starting).decorate(task)).isSameAs(task);
  }

  @Test
  void runsATaskSubmittedWithNoIdentityUndecorated() {
    Runnable task = () -> {};

    assertThat(decorator.decorate(task)).isSameAs(task);
  }

  private <T> T runOnWorker(Callable<T> task) throws Exception {
    return worker.submit(task).get(5, TimeUnit.SECONDS);
  }

  /** Decorates {@code task} on the calling thread, as an executor does at submission. */
  private <T> Callable<T> decorated(Callable<T> task) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    Runnable runnable =
        decorator.decorate(
            () -> {
              try {
                result.set(task.call());
              } catch (Exception e) {
                failure.set(e);
              }
            });
    return () -> {
      runnable.run();
      if (failure.get() != null) {
        throw failure.get();
      }
      return result.get();
    };
  }

  private static CrossdeckIdentity identityResolvedFromTheSignedInUser() {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("signedIn", (CrossdeckUserIdResolver) signedInUser::get);
    CrossdeckIdentity identity =
        new CrossdeckIdentity(beans.getBeanProvider(CrossdeckUserIdResolver.class));
    identity.afterSingletonsInstantiated();
    return identity;
  }
}
