package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHints;
import com.crossdeck.client.TrackResult;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.spring.identity.AnonymousIdLinker;
import com.crossdeck.spring.identity.CrossdeckIdentityTaskDecorator;
import com.crossdeck.spring.identity.RequestIdentity;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.identity.SignInLinking;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;

/** Who events are about: request identity, its propagation to tasks, linking at sign-in. */
@ExtendWith(OutputCaptureExtension.class)
class CrossdeckIdentityAutoConfigurationTests {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApplicationContextRunner runner = CoreAutoConfigurations.runner();

  @Test
  @SuppressWarnings("try") // the scope is held only to be closed
  void bootsExecutorsCarryTheRequestIdentityAlongsideTheApplicationsOwnDecorator() {
    List<Runnable> decoratedByTheApplication = new CopyOnWriteArrayList<>();
    CoreAutoConfigurations.live(runner, emulator.get())
        .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
        .withBean(
            "applicationDecorator",
            TaskDecorator.class,
            () ->
                task -> {
                  decoratedByTheApplication.add(task);
                  return task;
                })
        .run(
            context -> {
              CrossdeckServer client = context.getBean(CrossdeckServer.class);
              AsyncTaskExecutor executor =
                  context.getBean("applicationTaskExecutor", AsyncTaskExecutor.class);
              TrackResult result;
              try (RequestIdentity.Scope scope = new RequestIdentity("anon_async", null).bind()) {
                result =
                    executor
                        .submit(() -> client.track(Event.builder("report_generated").build()))
                        .get(5, TimeUnit.SECONDS);
              }
              client.flush();

              assertThat(result.queued()).isTrue();
              assertThat(emulator.events())
                  .extracting("identity")
                  .containsExactly(new IdentityHint(IdentityHint.Type.ANONYMOUS_ID, "anon_async"));
              assertThat(decoratedByTheApplication).hasSize(1);
            });
  }

  @Test
  void identityPropagationToTasksCanBeSwitchedOff() {
    runner
        .withPropertyValues("crossdeck.identity.propagate-to-tasks=false")
        .run(context -> assertThat(context).doesNotHaveBean(CrossdeckIdentityTaskDecorator.class));
  }

  @Test
  void linksAtSignInUnlessSwitchedOffAndKeepsTheLinkerForTheApplication() {
    runner
        .withPropertyValues("crossdeck.enabled=false")
        .run(context -> assertThat(context).hasSingleBean(SignInLinking.class));
    runner
        .withPropertyValues(
            "crossdeck.enabled=false", "crossdeck.identity.link-anonymous-on-login=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(SignInLinking.class);
              assertThat(context).hasSingleBean(AnonymousIdLinker.class);
            });
  }

  @Test
  void forgetsTheLinksOfAnErasedPersonSoTheirNextSignInLinksTheirNewCustomer() {
    CoreAutoConfigurations.live(runner, emulator.get())
        .run(
            context -> {
              CrossdeckServer client = context.getBean(CrossdeckServer.class);
              AnonymousIdLinker linker = context.getBean(AnonymousIdLinker.class);
              assertThat(linker.link("user_erased", "anon_erased").get(5, TimeUnit.SECONDS))
                  .isEqualTo(AnonymousIdLinker.Outcome.LINKED);

              client.forget(IdentityHints.forUser("user_erased"));
              assertThat(emulator.customerId("anon_erased")).isEmpty();
              assertThat(linker.link("user_erased", "anon_erased").get(5, TimeUnit.SECONDS))
                  .isEqualTo(AnonymousIdLinker.Outcome.LINKED);

              assertThat(emulator.customerId("anon_erased"))
                  .isPresent()
                  .isEqualTo(emulator.customerId("user_erased"));
            });
  }

  @Test
  void readsAnonymousIdsOfTheConfiguredShape() {
    runner
        .withPropertyValues(
            "crossdeck.enabled=false", "crossdeck.identity.anonymous-id-pattern=visitor-[0-9]+")
        .run(
            context -> {
              RequestIdentityReader reader = context.getBean(RequestIdentityReader.class);

              assertThat(reader.read("visitor-42", List.of(), List.of()).anonymousId())
                  .isEqualTo("visitor-42");
              assertThat(reader.read("anon_k3j9x2m1q8", List.of(), List.of()))
                  .isEqualTo(RequestIdentity.NONE);
            });
  }

  @Test
  void failsStartupNamingThePropertyOfAnInvalidAnonymousIdPattern() {
    runner
        .withPropertyValues(
            "crossdeck.enabled=false", "crossdeck.identity.anonymous-id-pattern=anon_[a-z")
        .run(
            context -> {
              CrossdeckConfigurationException failure = CoreAutoConfigurations.failure(context);
              assertThat(failure.description())
                  .startsWith(
                      "crossdeck.identity.anonymous-id-pattern is not a regular expression");
              assertThat(failure.action()).contains("crossdeck.identity.anonymous-id-pattern");
            });
  }
}
