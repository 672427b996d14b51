package com.crossdeck.spring;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.CrossdeckServerBuilder;
import com.crossdeck.emulator.CrossdeckEmulator;

/** Clients pointed at a test's emulator, configured for tests: no heartbeat, no JVM hook. */
public final class EmulatorClients {

  private EmulatorClients() {}

  /** A builder for a client of {@code emulator}; customize it, then build. */
  public static CrossdeckServerBuilder builder(CrossdeckEmulator emulator) {
    return builder(emulator, CrossdeckEmulator.TEST_SECRET_KEY);
  }

  /** A builder for a client of {@code emulator} using {@code secretKey}. */
  public static CrossdeckServerBuilder builder(CrossdeckEmulator emulator, String secretKey) {
    return CrossdeckServer.builder(secretKey)
        .baseUrl(emulator.baseUrl())
        .bootHeartbeat(false)
        .flushOnExit(false);
  }

  /** A client of {@code emulator}. */
  public static CrossdeckServer client(CrossdeckEmulator emulator) {
    return builder(emulator).build();
  }
}
