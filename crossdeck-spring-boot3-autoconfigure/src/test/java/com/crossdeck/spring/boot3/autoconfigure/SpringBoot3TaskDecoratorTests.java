package com.crossdeck.spring.boot3.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.spring.boot.autoconfigure.CrossdeckAutoConfiguration;
import com.crossdeck.spring.boot.autoconfigure.CrossdeckIdentityAutoConfiguration;
import com.crossdeck.spring.identity.CrossdeckIdentityTaskDecorator;
import com.crossdeck.spring.identity.RequestIdentity;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;

/**
 * Spring Boot 3 applies a task decorator bean to its executors only when it is the only one, so the
 * starter's must never stand next to the application's: both would be ignored.
 */
class SpringBoot3TaskDecoratorTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  CrossdeckIdentityAutoConfiguration.class,
                  CrossdeckAutoConfiguration.class,
                  TaskExecutionAutoConfiguration.class))
          .withPropertyValues("crossdeck.enabled=false");

  @Test
  @SuppressWarnings("try") // the scope is held only to be closed
  void carriesTheRequestIdentityIntoBootsExecutor() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(CrossdeckIdentityTaskDecorator.class);
          AsyncTaskExecutor executor =
              context.getBean("applicationTaskExecutor", AsyncTaskExecutor.class);

          String seen;
          try (RequestIdentity.Scope scope = new RequestIdentity("anon_task7", null).bind()) {
            seen =
                executor
                    .submit(() -> RequestIdentity.current().map(RequestIdentity::anonymousId))
                    .get(5, TimeUnit.SECONDS)
                    .orElse(null);
          }

          assertThat(seen).isEqualTo("anon_task7");
        });
  }

  @Test
  void stepsBackForTheApplicationsOwnDecoratorSoBootStillAppliesIt() {
    List<Runnable> decoratedByTheApplication = new CopyOnWriteArrayList<>();
    runner
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
              assertThat(context).doesNotHaveBean(CrossdeckIdentityTaskDecorator.class);

              context
                  .getBean("applicationTaskExecutor", AsyncTaskExecutor.class)
                  .submit(() -> "done")
                  .get(5, TimeUnit.SECONDS);

              assertThat(decoratedByTheApplication).hasSize(1);
            });
  }
}
