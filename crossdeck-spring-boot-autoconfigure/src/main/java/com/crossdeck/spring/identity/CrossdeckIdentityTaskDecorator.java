package com.crossdeck.spring.identity;

import org.springframework.core.task.TaskDecorator;

/**
 * Carries the Crossdeck identity of the thread that submits a task to the thread that runs it, so
 * an event tracked in an {@code @Async} method or an async MVC handler lands on the same customer
 * as the request that started the work.
 *
 * <p>The starter registers one as a bean (switch it off with {@code
 * crossdeck.identity.propagate-to-tasks=false}), and Spring Boot applies every {@link
 * TaskDecorator} bean to the executors it builds, alongside any decorator of your own. An executor
 * you build yourself needs it set explicitly:
 *
 * <pre>{@code
 * @Bean
 * ThreadPoolTaskExecutor reportExecutor(CrossdeckIdentityTaskDecorator crossdeckIdentity) {
 *   ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
 *   executor.setTaskDecorator(crossdeckIdentity);
 *   return executor;
 * }
 * }</pre>
 *
 * <p>The user id is resolved when the task is submitted, since the worker thread has no security
 * context to resolve it from; when there is one, it wins over what the worker's own resolvers would
 * find. The binding ends with the task, so a pooled thread never keeps one request's identity for
 * the next. A task submitted with no identity at all runs undecorated. Thread-safe.
 */
public final class CrossdeckIdentityTaskDecorator implements TaskDecorator {

  private final CrossdeckIdentity identity;

  /**
   * Creates the decorator.
   *
   * @param identity resolves the submitting thread's identity
   */
  public CrossdeckIdentityTaskDecorator(CrossdeckIdentity identity) {
    this.identity = identity;
  }

  @Override
  public Runnable decorate(Runnable task) {
    CarriedIdentity carried = identity.capture();
    if (carried.isEmpty()) {
      return task;
    }
    return () -> {
      try (RequestIdentity.Scope scope = carried.bind()) {
        task.run();
      }
    };
  }
}
