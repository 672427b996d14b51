package com.crossdeck.client;

import com.crossdeck.client.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for tests that run a client against a real local HTTP server with a manual clock. Clients
 * built here skip the boot heartbeat and the JVM shutdown hook unless a test turns them on. They
 * use the default transport; a subclass that overrides {@link #transport()} runs the same tests
 * over another one.
 */
abstract class MockServerTest {

  static final String TEST_KEY = "cd_sk_test_0123456789abcdefWXYZ";

  final ManualClock clock = new ManualClock();
  final ScriptedDispatcher dispatcher = new ScriptedDispatcher();
  final MockWebServer server = new MockWebServer();
  private final List<CrossdeckServer> clients = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server.setDispatcher(dispatcher);
    server.start(0);
  }

  @AfterEach
  void stopEverything() {
    clients.forEach(client -> client.close(Duration.ZERO));
    server.close();
  }

  String baseUrl() {
    return server.url("/v1").toString();
  }

  CrossdeckServer client(Consumer<CrossdeckServerBuilder> options) {
    CrossdeckServerBuilder builder =
        CrossdeckServer.builder(TEST_KEY)
            .baseUrl(baseUrl())
            .clock(clock)
            .random(new FixedJitter(0.5))
            .bootHeartbeat(false)
            .flushOnExit(false)
            .timeout(Duration.ofSeconds(5));
    Transport transport = transport();
    if (transport != null) {
      builder.transport(transport);
    }
    options.accept(builder);
    CrossdeckServer client = builder.build();
    clients.add(client);
    return client;
  }

  CrossdeckServer client() {
    return client(options -> {});
  }

  /** The transport clients use, or {@code null} for the default. */
  Transport transport() {
    return null;
  }

  /** The next request the server received, waiting up to 5 s of real time. */
  RecordedBatch nextBatch() {
    RecordedRequest request = nextRequest();
    if (request == null) {
      throw new AssertionError("the server received no request within 5 s");
    }
    return RecordedBatch.of(request);
  }

  RecordedRequest nextRequest() {
    try {
      return server.takeRequest(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Runs {@code call} on another thread while advancing the manual clock, so that a call waiting
   * between retries (GETs wait up to 2 s of client time) completes in milliseconds of real time.
   * Returns its result or rethrows what it threw.
   */
  <T> T whileTimePasses(java.util.concurrent.Callable<T> call) {
    java.util.concurrent.CompletableFuture<T> result =
        new java.util.concurrent.CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                result.complete(call.call());
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            },
            "test-caller");
    caller.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!result.isDone() && System.nanoTime() < deadline) {
      clock.advance(Duration.ofMillis(500));
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    try {
      return result.get(1, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    } catch (Exception e) {
      throw new AssertionError("the call did not complete within 10 s", e);
    }
  }

  static Event userEvent(String name) {
    return Event.builder(name).developerUserId("user_1").build();
  }
}
