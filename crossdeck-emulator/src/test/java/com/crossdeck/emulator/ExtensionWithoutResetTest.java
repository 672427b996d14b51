package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionWithoutResetTest {

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension().resetBetweenTests(false);

  @Test
  @Order(1)
  void storesAnEvent() {
    new ApiClient(emulator.timelineUrl()).postEvents(batch(userEvent("signup", "user_1")));

    assertThat(emulator.awaitEvents(1, Duration.ofSeconds(5))).hasSize(1);
  }

  @Test
  @Order(2)
  void stillSeesItInTheNextTest() {
    assertThat(emulator.events()).extracting(StoredEvent::name).containsExactly("signup");
  }
}
