package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.emulator.CrossdeckEmulator;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The auto-configurations every application gets with the client, and runners for them. */
final class CoreAutoConfigurations {

  /** Identity, the embedded emulator, the client and its drain at shutdown. */
  static final AutoConfigurations CORE =
      AutoConfigurations.of(
          CrossdeckIdentityAutoConfiguration.class,
          CrossdeckEmulatorAutoConfiguration.class,
          CrossdeckAutoConfiguration.class,
          CrossdeckLifecycleAutoConfiguration.class);

  private CoreAutoConfigurations() {}

  /** A runner of the core auto-configurations, without the startup heartbeat. */
  static ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(CORE)
        .withPropertyValues("crossdeck.boot-heartbeat=false");
  }

  /** {@code runner} with a secret key, sending to {@code emulator}. */
  static ApplicationContextRunner live(
      ApplicationContextRunner runner, CrossdeckEmulator emulator) {
    return runner.withPropertyValues(
        "crossdeck.secret-key=" + CrossdeckEmulator.TEST_SECRET_KEY,
        "crossdeck.base-url=" + emulator.baseUrl());
  }

  /** {@code runner} seeing {@code variables} as the whole process environment. */
  static ApplicationContextRunner withEnvironment(
      ApplicationContextRunner runner, Map<String, Object> variables) {
    return runner.withInitializer(
        context ->
            context
                .getEnvironment()
                .getPropertySources()
                .replace(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
  }

  /** The configuration failure a context failed to start with. */
  static CrossdeckConfigurationException failure(AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    Throwable failure = context.getStartupFailure();
    while (failure != null && !(failure instanceof CrossdeckConfigurationException)) {
      failure = failure.getCause();
    }
    assertThat(failure).as("cause chain of %s", context.getStartupFailure()).isNotNull();
    return (CrossdeckConfigurationException) failure;
  }
}
