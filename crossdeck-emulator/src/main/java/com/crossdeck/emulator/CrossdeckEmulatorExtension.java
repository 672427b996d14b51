package com.crossdeck.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link CrossdeckEmulator} for a JUnit 5 test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();
 *
 * @Test
 * void tracksSignup() {
 *   // point the code under test at emulator.baseUrl() with CrossdeckEmulator.TEST_SECRET_KEY
 *   assertThat(emulator.awaitEvents(1, Duration.ofSeconds(5))).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Registered on a static field, it starts once before all tests on a free port, {@link
 * CrossdeckEmulator#reset() resets} before each test (unless {@link #resetBetweenTests(boolean)
 * turned off}) and stops after all tests. Registered on an instance field, each test gets its own
 * emulator. Tests of one class must not run concurrently against a shared emulator.
 */
public final class CrossdeckEmulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private final CrossdeckEmulator.Builder builder;
  private boolean resetBetweenTests = true;
  private CrossdeckEmulator emulator;
  private int classDepth;
  private boolean perTest;

  /** An extension running an emulator with the default configuration. */
  public CrossdeckEmulatorExtension() {
    this(CrossdeckEmulator.builder());
  }

  /** An extension running emulators built by {@code builder}, e.g. with a custom rate limit. */
  public CrossdeckEmulatorExtension(CrossdeckEmulator.Builder builder) {
    this.builder = Objects.requireNonNull(builder, "builder");
  }

  /**
   * Adds web origins (e.g. {@code http://localhost:3000}) that may call the emulator from a
   * browser: CORS and publishable keys, as {@link CrossdeckEmulator.Builder#allowedOrigins}. Call
   * it where the extension is declared; it applies to emulators started afterwards.
   */
  public CrossdeckEmulatorExtension allowedOrigins(String... origins) {
    builder.allowedOrigins(origins);
    return this;
  }

  /** Whether to forget all data, requests and faults before each test; true by default. */
  public CrossdeckEmulatorExtension resetBetweenTests(boolean reset) {
    this.resetBetweenTests = reset;
    return this;
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    // Nested test classes call this again on the same instance: keep the outer emulator.
    if (classDepth++ == 0) {
      emulator = builder.build().start();
    }
  }

  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    if (emulator == null) {
      perTest = true;
      emulator = builder.build().start();
    } else if (resetBetweenTests) {
      emulator.reset();
    }
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    if (perTest) {
      stop();
    }
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (--classDepth == 0) {
      stop();
    }
  }

  /** The running emulator. */
  public synchronized CrossdeckEmulator get() {
    if (emulator == null) {
      throw new IllegalStateException("The emulator runs only while tests of its class run");
    }
    return emulator;
  }

  /** See {@link CrossdeckEmulator#port()}. */
  public int port() {
    return get().port();
  }

  /** See {@link CrossdeckEmulator#baseUrl()}. */
  public String baseUrl() {
    return get().baseUrl();
  }

  /** See {@link CrossdeckEmulator#timelineUrl()}. */
  public String timelineUrl() {
    return get().timelineUrl();
  }

  /** See {@link CrossdeckEmulator#events()}. */
  public List<StoredEvent> events() {
    return get().events();
  }

  /** See {@link CrossdeckEmulator#timeline(String)}. */
  public List<StoredEvent> timeline(String anyIdentifier) {
    return get().timeline(anyIdentifier);
  }

  /** See {@link CrossdeckEmulator#timeline(String, Environment)}. */
  public List<StoredEvent> timeline(String anyIdentifier, Environment environment) {
    return get().timeline(anyIdentifier, environment);
  }

  /** See {@link CrossdeckEmulator#customerId(String)}. */
  public Optional<String> customerId(String anyIdentifier) {
    return get().customerId(anyIdentifier);
  }

  /** See {@link CrossdeckEmulator#customerId(String, Environment)}. */
  public Optional<String> customerId(String anyIdentifier, Environment environment) {
    return get().customerId(anyIdentifier, environment);
  }

  /** See {@link CrossdeckEmulator#entitlements(String)}. */
  public List<Entitlement> entitlements(String anyIdentifier) {
    return get().entitlements(anyIdentifier);
  }

  /** See {@link CrossdeckEmulator#grant(String, String, String)}. */
  public Entitlement grant(String anyIdentifier, String entitlementKey, String duration) {
    return get().grant(anyIdentifier, entitlementKey, duration);
  }

  /** See {@link CrossdeckEmulator#revoke(String, String)}. */
  public Entitlement revoke(String anyIdentifier, String entitlementKey) {
    return get().revoke(anyIdentifier, entitlementKey);
  }

  /** See {@link CrossdeckEmulator#auditEntries()}. */
  public List<AuditEntry> auditEntries() {
    return get().auditEntries();
  }

  /** See {@link CrossdeckEmulator#requests()}. */
  public List<RecordedRequest> requests() {
    return get().requests();
  }

  /** See {@link CrossdeckEmulator#awaitEvents(int, Duration)}. */
  public List<StoredEvent> awaitEvents(int count, Duration timeout) {
    return get().awaitEvents(count, timeout);
  }

  /** See {@link CrossdeckEmulator#storedEventCount()}. */
  public long storedEventCount() {
    return get().storedEventCount();
  }

  /** See {@link CrossdeckEmulator#duplicatesIgnored()}. */
  public long duplicatesIgnored() {
    return get().duplicatesIgnored();
  }

  /** See {@link CrossdeckEmulator#faults()}. */
  public Faults faults() {
    return get().faults();
  }

  /** See {@link CrossdeckEmulator#reset()}. */
  public void reset() {
    get().reset();
  }

  private void stop() {
    emulator.close();
    emulator = null;
    perTest = false;
  }
}
