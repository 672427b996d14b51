package com.crossdeck.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Lifecycle and configuration of an embedded emulator. */
class CrossdeckEmulatorTest {

  @Test
  void bindsTheConfiguredPort() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }

    try (CrossdeckEmulator emulator = CrossdeckEmulator.builder().port(port).build().start()) {
      assertThat(emulator.port()).isEqualTo(port);
      assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + port + "/v1");
    }
  }

  @Test
  void releasesThePortWhenClosed() throws IOException {
    CrossdeckEmulator emulator = CrossdeckEmulator.builder().build().start();
    int port = emulator.port();

    emulator.close();

    try (ServerSocket rebound = new ServerSocket(port)) {
      assertThat(rebound.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void startsOnlyDaemonThreadsNamedAfterTheEmulator() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (CrossdeckEmulator emulator = CrossdeckEmulator.builder().build().start()) {
      new ApiClient(emulator.timelineUrl()).get("/");

      Set<Thread> started =
          Thread.getAllStackTraces().keySet().stream()
              .filter(thread -> !before.contains(thread))
              .filter(thread -> !thread.getName().startsWith("HttpClient-"))
              .collect(Collectors.toSet());

      assertThat(started)
          .isNotEmpty()
          .allSatisfy(thread -> assertThat(thread.isDaemon()).as(thread.getName()).isTrue())
          .allSatisfy(thread -> assertThat(thread.getName()).startsWith("crossdeck-emulator-"));
    }
  }

  @Test
  void reportsAPortInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      CrossdeckEmulator emulator = CrossdeckEmulator.builder().port(taken.getLocalPort()).build();

      assertThatThrownBy(emulator::start)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(String.valueOf(taken.getLocalPort()));
    }
  }

  @Test
  void refusesToStartTwice() {
    try (CrossdeckEmulator emulator = CrossdeckEmulator.builder().build().start()) {
      assertThatThrownBy(emulator::start).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void explainsThatItIsNotStartedYet() {
    CrossdeckEmulator emulator = CrossdeckEmulator.builder().build();

    assertThatThrownBy(emulator::baseUrl)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start()");
  }

  @Test
  void failsAwaitEventsWithWhatItDidStore() {
    try (CrossdeckEmulator emulator = CrossdeckEmulator.builder().build().start()) {
      assertThatThrownBy(() -> emulator.awaitEvents(1, Duration.ofMillis(50)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "Expected at least 1 stored events within PT0.05S but the emulator stored 0");
    }
  }

  @Test
  void rejectsAnInvalidPort() {
    assertThatThrownBy(() -> CrossdeckEmulator.builder().port(70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port");
  }

  @Test
  void rejectsABurstSmallerThanTheLargestBatch() {
    assertThatThrownBy(() -> CrossdeckEmulator.builder().rateLimit(10, 99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("burst");
  }

  @Test
  void rejectsANonPositiveRate() {
    assertThatThrownBy(() -> CrossdeckEmulator.builder().rateLimit(0, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eventsPerSecond");
  }

  @Test
  void rejectsBlankKeys() {
    assertThatThrownBy(() -> CrossdeckEmulator.builder().allowedKeys("cd_sk_test_a", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowedKeys");
  }
}
