package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.CrossdeckServerBuilder;
import com.crossdeck.client.Diagnostics;
import com.crossdeck.client.Event;
import com.crossdeck.client.TrackResult;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.spring.identity.AnonymousIdLinker;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import com.crossdeck.spring.identity.CrossdeckIdentityTaskDecorator;
import com.crossdeck.spring.identity.RequestIdentity;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.identity.SignInLinking;
import com.crossdeck.spring.lifecycle.CrossdeckLifecycle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.util.unit.DataSize;

@ExtendWith(OutputCaptureExtension.class)
class CrossdeckAutoConfigurationTests {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(CrossdeckAutoConfiguration.class))
          .withPropertyValues("crossdeck.boot-heartbeat=false");

  /** The runner with a secret key, sending to the test's emulator. */
  private ApplicationContextRunner live() {
    return runner.withPropertyValues(
        "crossdeck.secret-key=" + CrossdeckEmulator.TEST_SECRET_KEY,
        "crossdeck.base-url=" + emulator.baseUrl());
  }

  @Test
  void providesAClientThatSendsToTheConfiguredApi() {
    live()
        .run(
            context -> {
              CrossdeckServer client = context.getBean(CrossdeckServer.class);
              client.track(Event.builder("invoice_paid").developerUserId("user_42").build());
              client.flush();

              assertThat(emulator.events()).extracting("name").containsExactly("invoice_paid");
            });
  }

  @Test
  void configuresTheClientFromProperties() {
    live()
        .withPropertyValues(
            "spring.application.name=billing",
            "crossdeck.max-queue-size=5000",
            "crossdeck.max-queue-bytes=1MB")
        .run(
            context -> {
              Diagnostics diagnostics = context.getBean(CrossdeckServer.class).diagnostics();

              assertThat(diagnostics.baseUrl()).isEqualTo(emulator.baseUrl());
              assertThat(diagnostics.host().serviceName()).isEqualTo("billing");
              assertThat(diagnostics.queue().maxEvents()).isEqualTo(5000);
              assertThat(diagnostics.queue().maxBytes())
                  .isEqualTo(DataSize.ofMegabytes(1).toBytes());
            });
  }

  @Test
  void anExplicitServiceNameWinsOverTheApplicationName() {
    live()
        .withPropertyValues("spring.application.name=billing", "crossdeck.service-name=invoicing")
        .run(
            context ->
                assertThat(
                        context.getBean(CrossdeckServer.class).diagnostics().host().serviceName())
                    .isEqualTo("invoicing"));
  }

  @Test
  void propertyDefaultsAreTheClientsDefaults() {
    CrossdeckProperties properties = new CrossdeckProperties();

    assertThat(properties.getBaseUrl()).isEqualTo(CrossdeckServerBuilder.DEFAULT_BASE_URL);
    assertThat(properties.getEventFlushBatchSize())
        .isEqualTo(CrossdeckServerBuilder.DEFAULT_EVENT_FLUSH_BATCH_SIZE);
    assertThat(properties.getEventFlushInterval())
        .isEqualTo(CrossdeckServerBuilder.DEFAULT_EVENT_FLUSH_INTERVAL);
    assertThat(properties.getTimeout()).isEqualTo(CrossdeckServerBuilder.DEFAULT_TIMEOUT);
    assertThat(properties.getMaxQueueSize())
        .isEqualTo(CrossdeckServerBuilder.DEFAULT_MAX_QUEUE_SIZE);
    assertThat(properties.getMaxQueueBytes().toBytes())
        .isEqualTo(CrossdeckServerBuilder.DEFAULT_MAX_QUEUE_BYTES);
  }

  @Test
  @SuppressWarnings("try") // the scope is held only to be closed
  void attributesEventsWithoutIdentityToTheBoundRequestIdentity() {
    live()
        .run(
            context -> {
              CrossdeckServer client = context.getBean(CrossdeckServer.class);
              try (RequestIdentity.Scope scope = new RequestIdentity("anon_7", null).bind()) {
                client.track(Event.builder("cart_viewed").build());
              }
              client.flush();

              assertThat(emulator.events())
                  .extracting("identity")
                  .containsExactly(new IdentityHint(IdentityHint.Type.ANONYMOUS_ID, "anon_7"));
            });
  }

  @Test
  @SuppressWarnings("try") // the scope is held only to be closed
  void bootsExecutorsCarryTheRequestIdentityAlongsideTheApplicationsOwnDecorator() {
    List<Runnable> decoratedByTheApplication = new CopyOnWriteArrayList<>();
    live()
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
              CrossdeckConfigurationException failure = failure(context);
              assertThat(failure.description())
                  .startsWith(
                      "crossdeck.identity.anonymous-id-pattern is not a regular expression");
              assertThat(failure.action()).contains("crossdeck.identity.anonymous-id-pattern");
            });
  }

  @Test
  void registersListenerBeansBeforeTheClientStarts() {
    List<CrossdeckListener.FlushSucceeded> flushes = new CopyOnWriteArrayList<>();
    live()
        .withBean(
            CrossdeckListener.class,
            () ->
                new CrossdeckListener() {
                  @Override
                  public void onFlushSucceeded(FlushSucceeded event) {
                    flushes.add(event);
                  }
                })
        .run(
            context -> {
              CrossdeckServer client = context.getBean(CrossdeckServer.class);
              client.track(Event.builder("invoice_paid").developerUserId("user_42").build());
              client.flush();

              assertThat(flushes)
                  .extracting(CrossdeckListener.FlushSucceeded::batchSize)
                  .containsExactly(1);
            });
  }

  @Test
  void appliesBuilderCustomizersAfterTheProperties() {
    live()
        .withPropertyValues("crossdeck.service-name=from-properties")
        .withBean(
            CrossdeckServerBuilderCustomizer.class,
            () -> builder -> builder.serviceName("from-customizer"))
        .run(
            context ->
                assertThat(
                        context.getBean(CrossdeckServer.class).diagnostics().host().serviceName())
                    .isEqualTo("from-customizer"));
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnClient() {
    CrossdeckServer own = CrossdeckServer.disabled();
    runner
        .withBean(CrossdeckServer.class, () -> own)
        .run(
            context -> {
              assertThat(context).getBean(CrossdeckServer.class).isSameAs(own);
              assertThat(context).doesNotHaveBean(CrossdeckEmulator.class);
              assertThat(context).hasSingleBean(CrossdeckIdentity.class);
            });
  }

  @Test
  void providesADisabledClientWhenCrossdeckIsSwitchedOff() {
    runner
        .withPropertyValues("crossdeck.enabled=false")
        .run(
            context -> {
              assertThat(context.getBean(CrossdeckServer.class).isEnabled()).isFalse();
              assertThat(context).doesNotHaveBean(CrossdeckEmulator.class);
            });
  }

  @Test
  void failsStartupNamingThePropertyWhenNoSecretKeyIsSet() {
    runner
        .withClassLoader(new FilteredClassLoader(CrossdeckEmulator.class))
        .run(
            context ->
                assertThat(failure(context).getMessage())
                    .contains("No Crossdeck secret key is configured")
                    .contains("crossdeck.secret-key")
                    .contains("crossdeck.enabled=false"));
  }

  @Test
  void failsStartupWithoutASecretKeyWhenTheEmbeddedEmulatorIsSwitchedOff() {
    runner
        .withPropertyValues("crossdeck.emulator.enabled=false")
        .run(
            context ->
                assertThat(failure(context).action()).startsWith("Set crossdeck.secret-key"));
  }

  @Test
  void failsStartupNamingThePropertyOfAnOutOfRangeOption() {
    live()
        .withPropertyValues("crossdeck.event-flush-batch-size=500")
        .run(
            context -> {
              CrossdeckConfigurationException failure = failure(context);
              assertThat(failure.description()).contains("between 1 and 100");
              assertThat(failure.action()).contains("crossdeck.event-flush-batch-size");
            });
  }

  @Test
  void failsStartupOnAPublishableKey() {
    runner
        .withPropertyValues("crossdeck.secret-key=cd_pub_test_abc")
        .run(
            context ->
                assertThat(failure(context).action())
                    .contains("crossdeck.secret-key")
                    .contains("never a publishable"));
  }

  @Test
  void reportsConfigurationFailuresAsADescriptionAndAnAction() {
    runner
        .withPropertyValues("crossdeck.emulator.enabled=false")
        .run(
            context -> {
              FailureAnalysis analysis =
                  new CrossdeckConfigurationFailureAnalyzer().analyze(context.getStartupFailure());

              assertThat(analysis.getDescription()).contains("No Crossdeck secret key");
              assertThat(analysis.getAction()).startsWith("Set crossdeck.secret-key");
            });
  }

  @Test
  void readsTheSecretKeyFromTheCrossdeckSecretKeyEnvironmentVariable() {
    runner
        .withPropertyValues("crossdeck.base-url=" + emulator.baseUrl())
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of("CROSSDECK_SECRET_KEY", "cd_sk_test_from_environment_9f3a"))))
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(CrossdeckEmulator.class);
              assertThat(context.getBean(CrossdeckServer.class).diagnostics().maskedSecretKey())
                  .endsWith("9f3a");
            });
  }

  @Test
  void startsAnEmbeddedEmulatorWhenNoSecretKeyIsSet(CapturedOutput output) {
    runner.run(
        context -> {
          CrossdeckEmulator embedded = context.getBean(CrossdeckEmulator.class);
          CrossdeckServer client = context.getBean(CrossdeckServer.class);
          client.track(Event.builder("invoice_paid").developerUserId("user_42").build());
          client.flush();

          assertThat(embedded.events()).extracting("name").containsExactly("invoice_paid");
          assertThat(output)
              .contains("No crossdeck.secret-key is set")
              .contains(embedded.timelineUrl());
        });
  }

  @Test
  void letsTheApplicationsOwnPagesCallTheEmbeddedEmulatorByDefault() {
    runner.run(
        context -> {
          CrossdeckEmulator embedded = context.getBean(CrossdeckEmulator.class);

          assertThat(preflightStatus(embedded, "http://localhost:8080")).isEqualTo(204);
          assertThat(preflightStatus(embedded, "http://127.0.0.1:8080")).isEqualTo(204);
          assertThat(preflightStatus(embedded, "http://app.test:8080")).isEqualTo(403);
        });
  }

  @Test
  void allowsTheConfiguredOriginsOnTheEmbeddedEmulator() {
    runner
        .withPropertyValues("crossdeck.emulator.allowed-origins=http://app.test:8080")
        .run(
            context -> {
              CrossdeckEmulator embedded = context.getBean(CrossdeckEmulator.class);

              assertThat(preflightStatus(embedded, "http://app.test:8080")).isEqualTo(204);
              assertThat(preflightStatus(embedded, "http://localhost:8080")).isEqualTo(403);
            });
  }

  private static int preflightStatus(CrossdeckEmulator emulator, String origin)
      throws IOException, InterruptedException {
    HttpRequest preflight =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/events"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .build();
    return HttpClient.newHttpClient()
        .send(preflight, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aConfiguredSecretKeyAlwaysWinsOverTheEmulator() {
    live().run(context -> assertThat(context).doesNotHaveBean(CrossdeckEmulator.class));
  }

  @Test
  void stopsTheEmbeddedEmulatorOnlyAfterTheClientsFinalDrain() {
    CrossdeckServer[] client = new CrossdeckServer[1];
    runner
        .withBean(ShutdownTracker.class)
        .withPropertyValues("crossdeck.event-flush-interval=10m")
        .run(context -> client[0] = context.getBean(CrossdeckServer.class));

    Diagnostics.Delivery delivery = client[0].diagnostics().delivery();
    assertThat(delivery.sent()).isOne();
    assertThat(delivery.droppedTotal()).isZero();
  }

  @Test
  void drainsTheClientInALifecyclePhaseBelowGracefulShutdown() {
    live()
        .run(
            context ->
                assertThat(context.getBean(CrossdeckLifecycle.class).getPhase())
                    .isEqualTo(CrossdeckLifecycle.PHASE));
  }

  @Test
  void warnsWhenTheShutdownTimeoutDoesNotFitTheShutdownPhase(CapturedOutput output) {
    live()
        .withPropertyValues(
            "crossdeck.shutdown-timeout=40s", "spring.lifecycle.timeout-per-shutdown-phase=30s")
        .run(context -> assertThat(output).contains("crossdeck.shutdown-timeout (40000 ms)"));
  }

  private static CrossdeckConfigurationException failure(AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    Throwable failure = context.getStartupFailure();
    while (failure != null && !(failure instanceof CrossdeckConfigurationException)) {
      failure = failure.getCause();
    }
    assertThat(failure).as("cause chain of %s", context.getStartupFailure()).isNotNull();
    return (CrossdeckConfigurationException) failure;
  }

  /** Tracks an event while being destroyed: after the lifecycle drain, before the client closes. */
  static class ShutdownTracker implements DisposableBean {

    private final CrossdeckServer client;

    ShutdownTracker(CrossdeckServer client) {
      this.client = client;
    }

    @Override
    public void destroy() {
      client.track(Event.builder("worker_stopped").developerUserId("user_42").build());
    }
  }
}
