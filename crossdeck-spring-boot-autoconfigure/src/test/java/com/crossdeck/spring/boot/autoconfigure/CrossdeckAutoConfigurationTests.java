package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.CrossdeckServerBuilder;
import com.crossdeck.client.Diagnostics;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.Event;
import com.crossdeck.client.TrackResult;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import com.crossdeck.spring.identity.RequestIdentity;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

/** The client, built from crossdeck.* properties. */
@ExtendWith(OutputCaptureExtension.class)
class CrossdeckAutoConfigurationTests {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApplicationContextRunner runner = CoreAutoConfigurations.runner();

  @Test
  void providesAClientThatSendsToTheConfiguredApi() {
    CoreAutoConfigurations.live(runner, emulator.get())
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
    CoreAutoConfigurations.live(runner, emulator.get())
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
    CoreAutoConfigurations.live(runner, emulator.get())
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
    CoreAutoConfigurations.live(runner, emulator.get())
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
  void logsTheFirstDeliveryOnceSayingWhereToSeeIt(CapturedOutput output) {
    CoreAutoConfigurations.live(runner, emulator.get())
        .run(
            context -> {
              CrossdeckServer client = context.getBean(CrossdeckServer.class);
              client.track(Event.builder("invoice_paid").developerUserId("user_42").build());
              client.flush();
              client.track(Event.builder("invoice_sent").developerUserId("user_42").build());
              client.flush();

              assertThat(output.getOut())
                  .containsOnlyOnce("Crossdeck delivered its first events")
                  .contains(
                      "Crossdeck delivered its first events (1 event, sandbox): see them on the"
                          + " customer timelines of your Crossdeck project.");
            });
  }

  @Test
  void saysHowARequestOrAJobGivesAnEventItsIdentity(CapturedOutput output) {
    CoreAutoConfigurations.live(runner, emulator.get())
        .run(
            context -> {
              TrackResult result =
                  context
                      .getBean(CrossdeckServer.class)
                      .track(Event.builder("cart_viewed").build());

              assertThat(result.errorCode()).isEqualTo(ErrorCodes.MISSING_IDENTITY);
              assertThat(result.message())
                  .contains(
                      "sign the user in",
                      "Crossdeck.getAnonymousId()",
                      "in the X-Anon-Id header",
                      "Event.builder(name).developerUserId(userId)",
                      "@TrackEvent(userId = ");
              assertThat(output).contains(result.message());
            });
  }

  @Test
  void namesTheConfiguredAnonymousIdHeaderInTheAdvice() {
    CoreAutoConfigurations.live(runner, emulator.get())
        .withPropertyValues("crossdeck.identity.anonymous-id-header=X-Visitor")
        .run(
            context ->
                assertThat(
                        context
                            .getBean(CrossdeckServer.class)
                            .track(Event.builder("cart_viewed").build())
                            .message())
                    .contains("in the X-Visitor header"));
  }

  @Test
  void registersListenerBeansBeforeTheClientStarts() {
    List<CrossdeckListener.FlushSucceeded> flushes = new CopyOnWriteArrayList<>();
    CoreAutoConfigurations.live(runner, emulator.get())
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
    CoreAutoConfigurations.live(runner, emulator.get())
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
  void failsStartupNamingThePropertyOfAnOutOfRangeOption() {
    CoreAutoConfigurations.live(runner, emulator.get())
        .withPropertyValues("crossdeck.event-flush-batch-size=500")
        .run(
            context -> {
              CrossdeckConfigurationException failure = CoreAutoConfigurations.failure(context);
              assertThat(failure.description()).contains("between 1 and 100");
              assertThat(failure.action()).contains("crossdeck.event-flush-batch-size");
            });
  }

  @Test
  void failsStartupOnAPlaceholderInsideTheKeyWithoutRepeatingTheKey() {
    runner
        .withPropertyValues("crossdeck.secret-key=cd_sk_live_Xy7${CROSSDECK_KEY_SUFFIX}")
        .run(
            context -> {
              CrossdeckConfigurationException failure = CoreAutoConfigurations.failure(context);
              assertThat(failure.getMessage())
                  .contains("crossdeck.secret-key contains a ${...} placeholder")
                  .doesNotContain("Xy7");
            });
  }

  @Test
  void failsStartupOnAPublishableKey() {
    runner
        .withPropertyValues("crossdeck.secret-key=cd_pub_test_abc")
        .run(
            context ->
                assertThat(CoreAutoConfigurations.failure(context).action())
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

              assertThat(analysis.getDescription()).startsWith("No crossdeck.secret-key is set");
              assertThat(analysis.getAction()).startsWith("Set crossdeck.secret-key");
            });
  }

  @Test
  void readsTheSecretKeyFromTheCrossdeckSecretKeyEnvironmentVariable() {
    CoreAutoConfigurations.withEnvironment(
            runner, Map.of("CROSSDECK_SECRET_KEY", "cd_sk_test_from_environment_9f3a"))
        .withPropertyValues("crossdeck.base-url=" + emulator.baseUrl())
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(CrossdeckEmulator.class);
              assertThat(context.getBean(CrossdeckServer.class).diagnostics().maskedSecretKey())
                  .endsWith("9f3a");
            });
  }
}
