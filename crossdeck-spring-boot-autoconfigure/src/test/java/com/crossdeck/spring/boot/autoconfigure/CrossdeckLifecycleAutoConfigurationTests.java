package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.spring.lifecycle.CrossdeckLifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The drain of the client at shutdown. */
@ExtendWith(OutputCaptureExtension.class)
class CrossdeckLifecycleAutoConfigurationTests {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final ApplicationContextRunner runner = CoreAutoConfigurations.runner();

  @Test
  void drainsTheClientInALifecyclePhaseBelowGracefulShutdown() {
    CoreAutoConfigurations.live(runner, emulator.get())
        .run(
            context ->
                assertThat(context.getBean(CrossdeckLifecycle.class).getPhase())
                    .isEqualTo(CrossdeckLifecycle.PHASE));
  }

  @Test
  void warnsWhenTheShutdownTimeoutDoesNotFitTheShutdownPhase(CapturedOutput output) {
    CoreAutoConfigurations.live(runner, emulator.get())
        .withPropertyValues(
            "crossdeck.shutdown-timeout=40s", "spring.lifecycle.timeout-per-shutdown-phase=30s")
        .run(context -> assertThat(output).contains("crossdeck.shutdown-timeout (40000 ms)"));
  }
}
