package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Diagnostics;
import com.crossdeck.client.Event;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

/** The embedded emulator used when no secret key is set. */
@ExtendWith(OutputCaptureExtension.class)
class CrossdeckEmulatorAutoConfigurationTests {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApplicationContextRunner runner = CoreAutoConfigurations.runner();

  @Test
  void failsStartupNamingThePropertyWhenNoSecretKeyIsSet() {
    runner
        .withClassLoader(new FilteredClassLoader(CrossdeckEmulator.class))
        .run(
            context ->
                assertThat(CoreAutoConfigurations.failure(context).getMessage())
                    .contains("No crossdeck.secret-key is set")
                    .contains("crossdeck.secret-key")
                    .contains("crossdeck.enabled=false"));
  }

  @Test
  void failsStartupWithoutASecretKeyWhenTheEmbeddedEmulatorIsSwitchedOff() {
    runner
        .withPropertyValues("crossdeck.emulator.enabled=false")
        .run(
            context ->
                assertThat(CoreAutoConfigurations.failure(context).action())
                    .startsWith("Set crossdeck.secret-key"));
  }

  @Test
  void startsAnEmbeddedEmulatorWhenNoSecretKeyIsSet(CapturedOutput output) {
    runner.run(
        context -> {
          assertSendsToTheEmbeddedEmulator(context);
          assertThat(output)
              .contains("No crossdeck.secret-key is set")
              .contains(context.getBean(CrossdeckEmulator.class).timelineUrl());
        });
  }

  @Test
  void startsAnEmbeddedEmulatorWhenTheKeyIsAPlaceholderNothingResolves(CapturedOutput output) {
    CoreAutoConfigurations.withEnvironment(runner, Map.of())
        .withPropertyValues("crossdeck.secret-key=${CROSSDECK_SECRET_KEY}")
        .run(
            context -> {
              assertSendsToTheEmbeddedEmulator(context);
              assertThat(output)
                  .contains(
                      "crossdeck.secret-key is ${CROSSDECK_SECRET_KEY}, a placeholder nothing"
                          + " resolved")
                  .contains(context.getBean(CrossdeckEmulator.class).timelineUrl());
            });
  }

  private static void assertSendsToTheEmbeddedEmulator(ApplicationContext context) {
    CrossdeckServer client = context.getBean(CrossdeckServer.class);
    client.track(Event.builder("invoice_paid").developerUserId("user_42").build());
    client.flush();

    assertThat(context.getBean(CrossdeckEmulator.class).events())
        .extracting("name")
        .containsExactly("invoice_paid");
  }

  @Test
  void startsAnEmbeddedEmulatorWhenTheKeyIsBlank() {
    runner
        .withPropertyValues("crossdeck.secret-key= ")
        .run(context -> assertThat(context).hasSingleBean(CrossdeckEmulator.class));
  }

  @Test
  void failsStartupNamingThePropertyWhenTheKeyIsAPlaceholderAndNoEmulatorIsThere() {
    CoreAutoConfigurations.withEnvironment(runner, Map.of())
        .withClassLoader(new FilteredClassLoader(CrossdeckEmulator.class))
        .withPropertyValues("crossdeck.secret-key=${CROSSDECK_SECRET_KEY}")
        .run(
            context -> {
              CrossdeckConfigurationException failure = CoreAutoConfigurations.failure(context);
              assertThat(failure.description())
                  .startsWith("crossdeck.secret-key is ${CROSSDECK_SECRET_KEY}, a placeholder")
                  .doesNotContain("invalid");
              assertThat(failure.action())
                  .startsWith("Set crossdeck.secret-key")
                  .contains("mvn spring-boot:test-run");
            });
  }

  @Test
  void logsTheFirstDeliveryOnceWithTheTimelineUrl(CapturedOutput output) {
    runner.run(
        context -> {
          CrossdeckEmulator embedded = context.getBean(CrossdeckEmulator.class);
          CrossdeckServer client = context.getBean(CrossdeckServer.class);
          client.track(Event.builder("invoice_paid").developerUserId("user_42").build());
          client.track(Event.builder("invoice_sent").developerUserId("user_42").build());
          client.flush();
          client.track(Event.builder("invoice_read").developerUserId("user_42").build());
          client.flush();

          assertThat(embedded.events()).hasSize(3);
          assertThat(output.getOut())
              .containsOnlyOnce("Crossdeck delivered its first events")
              .contains(
                  "Crossdeck delivered its first events (2 events, sandbox): see them on the"
                      + " embedded emulator's timeline page, "
                      + embedded.timelineUrl()
                      + " .");
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
    CoreAutoConfigurations.live(runner, emulator.get())
        .run(context -> assertThat(context).doesNotHaveBean(CrossdeckEmulator.class));
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
