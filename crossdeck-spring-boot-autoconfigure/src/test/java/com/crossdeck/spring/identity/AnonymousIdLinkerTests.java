package com.crossdeck.spring.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.transport.OkHttpTransport;
import com.crossdeck.client.transport.Transport;
import com.crossdeck.client.transport.TransportRequest;
import com.crossdeck.client.transport.TransportResponse;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.RecordedRequest;
import com.crossdeck.spring.EmulatorClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnonymousIdLinkerTests {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final FailingAliases transport = new FailingAliases();
  private final CrossdeckServer client =
      EmulatorClients.builder(emulator.get()).transport(transport).build();
  private final AnonymousIdLinker linker = new AnonymousIdLinker(() -> client);

  @AfterEach
  void closeClient() {
    client.close(Duration.ZERO);
  }

  @Test
  void linksTheAnonymousIdToTheUser() {
    linker.link("user_42", "anon_1");

    await().until(() -> emulator.customerId("anon_1").isPresent());
    assertThat(emulator.customerId("anon_1")).isEqualTo(emulator.customerId("user_42"));
  }

  @Test
  void linksEachPairOnlyOnce() {
    linker.link("user_42", "anon_1");
    await().until(() -> aliasRequests().size() == 1);

    linker.link("user_42", "anon_1");
    linker.link("user_42", "anon_2");

    await().until(() -> aliasRequests().size() == 2);
    assertThat(aliasRequests()).hasSize(2);
  }

  @Test
  void retriesAFailedLinkOnALaterCall() {
    transport.failNextAliases(1);
    linker.link("user_42", "anon_1");
    await().until(() -> transport.failed.get() == 1);

    await()
        .untilAsserted(
            () -> {
              linker.link("user_42", "anon_1");
              assertThat(emulator.customerId("anon_1")).isPresent();
            });
    assertThat(emulator.customerId("anon_1")).isEqualTo(emulator.customerId("user_42"));
  }

  @Test
  void neverThrowsIntoTheCaller() {
    client.close(Duration.ZERO);

    assertThatCode(() -> linker.link("user_42", "anon_1")).doesNotThrowAnyException();
    assertThatCode(() -> linker.link(" ", "anon_1")).doesNotThrowAnyException();
  }

  private List<RecordedRequest> aliasRequests() {
    return emulator.requests().stream()
        .filter(request -> request.path().equals("/v1/identity/alias"))
        .toList();
  }

  /** Passes everything to the emulator, except that it answers the next aliases with a 503. */
  private static final class FailingAliases implements Transport {

    private final Transport delegate = OkHttpTransport.create(Duration.ofSeconds(5));
    private final AtomicInteger toFail = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    void failNextAliases(int count) {
      toFail.set(count);
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
      if (request.url().endsWith("/identity/alias") && toFail.getAndDecrement() > 0) {
        failed.incrementAndGet();
        byte[] body =
            "{\"error\":{\"type\":\"internal_error\",\"code\":\"unavailable\",\"message\":\"down\"}}"
                .getBytes(StandardCharsets.UTF_8);
        return new TransportResponse(503, Map.of("content-type", "application/json"), body);
      }
      return delegate.execute(request);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
