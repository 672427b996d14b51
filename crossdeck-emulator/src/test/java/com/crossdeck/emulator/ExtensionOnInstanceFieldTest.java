package com.crossdeck.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionOnInstanceFieldTest {

  private static final Set<Integer> ports = new HashSet<>();

  @RegisterExtension CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  @RepeatedTest(2)
  void givesEachTestItsOwnRunningEmulator() {
    assertThat(new ApiClient(emulator.timelineUrl()).get("/").status()).isEqualTo(200);
    assertThat(ports.add(emulator.port())).isTrue();
  }
}
