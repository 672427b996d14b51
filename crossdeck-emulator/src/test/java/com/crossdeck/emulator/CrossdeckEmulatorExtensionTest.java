package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossdeckEmulatorExtensionTest {

  @RegisterExtension static CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private static int portOfFirstTest;

  @Test
  @Order(1)
  void startsBeforeAllTestsOnAFreeLoopbackPort() {
    portOfFirstTest = emulator.port();

    assertThat(emulator.port()).isPositive();
    assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port() + "/v1");
    assertThat(emulator.timelineUrl()).isEqualTo("http://127.0.0.1:" + emulator.port() + "/");
    new ApiClient(emulator.timelineUrl()).postEvents(batch(userEvent("signup", "user_1")));
    emulator.faults().failNext(1, 503);
    assertThat(emulator.awaitEvents(1, Duration.ofSeconds(5))).hasSize(1);
  }

  @Test
  @Order(2)
  void keepsTheSameEmulatorButResetsItBetweenTests() {
    assertThat(emulator.port()).isEqualTo(portOfFirstTest);
    assertThat(emulator.events()).isEmpty();
    assertThat(emulator.requests()).isEmpty();
    assertThat(
            new ApiClient(emulator.timelineUrl()).postEvents(batch(userEvent("a", "u"))).status())
        .isEqualTo(202);
  }

  @Nested
  class InANestedClass {

    @Test
    void seesTheOuterClassesEmulator() {
      assertThat(emulator.port()).isEqualTo(portOfFirstTest);
    }
  }
}
