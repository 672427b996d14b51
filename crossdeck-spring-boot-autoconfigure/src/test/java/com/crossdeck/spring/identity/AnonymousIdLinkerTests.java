package com.crossdeck.spring.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.transport.OkHttpTransport;
import com.crossdeck.client.transport.Transport;
import com.crossdeck.client.transport.TransportRequest;
import com.crossdeck.client.transport.TransportResponse;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.RecordedRequest;
import com.crossdeck.spring.EmulatorClients;
import com.crossdeck.spring.identity.AnonymousIdLinker.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AnonymousIdLinkerTests {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final FailingAliases transport = new FailingAliases();
  private final CrossdeckServer client =
      EmulatorClients.builder(emulator.get()).transport(transport).build();
  private final AnonymousIdLinker linker = new AnonymousIdLinker(client);

  @AfterEach
  void closeClient() {
    client.close(Duration.ZERO);
  }

  @Test
  void linksTheAnonymousIdToTheUser() {
    assertThat(outcome(linker.link("user_ada", "anon_ada_laptop"))).isEqualTo(Outcome.LINKED);

    assertThat(emulator.customerId("anon_ada_laptop")).isEqualTo(emulator.customerId("user_ada"));
  }

  @Test
  void linksEachPairOnlyOnce() {
    CompletableFuture<Outcome> first = linker.link("user_ada", "anon_ada_laptop");
    CompletableFuture<Outcome> again = linker.link("user_ada", "anon_ada_laptop");

    assertThat(outcome(first)).isEqualTo(Outcome.LINKED);
    assertThat(outcome(again)).isEqualTo(Outcome.LINKED);
    assertThat(outcome(linker.link("user_ada", "anon_ada_laptop"))).isEqualTo(Outcome.LINKED);
    assertThat(aliasRequests()).hasSize(1);
  }

  @Test
  void neverLinksAnAnonymousIdToASecondUser() {
    CompletableFuture<Outcome> ada = linker.link("user_ada", "anon_shared_pc");

    assertThat(linker.link("user_grace", "anon_shared_pc")).isCompletedWithValue(Outcome.CONFLICT);
    assertThat(outcome(ada)).isEqualTo(Outcome.LINKED);
    assertThat(aliasRequests()).hasSize(1);
    assertThat(linker.conflictCount()).isOne();
    assertThat(emulator.customerId("user_grace")).isEmpty();
  }

  @Test
  void treatsCrossdeckRefusingTheLinkAsAConflict() {
    transport.answerNextAliases(1, 409, "invalid_request_error", "identity_conflict");

    assertThat(outcome(linker.link("user_grace", "anon_ada_laptop"))).isEqualTo(Outcome.CONFLICT);

    assertThat(linker.conflictCount()).isOne();
  }

  @Test
  void retriesALinkThatFailedForAReasonWorthRetrying() {
    transport.answerNextAliases(1, 503, "internal_error", "unavailable");

    assertThat(outcome(linker.link("user_ada", "anon_ada_laptop"))).isEqualTo(Outcome.FAILED);
    assertThat(outcome(linker.link("user_ada", "anon_ada_laptop"))).isEqualTo(Outcome.LINKED);

    assertThat(emulator.customerId("anon_ada_laptop")).isEqualTo(emulator.customerId("user_ada"));
    assertThat(linker.conflictCount()).isZero();
  }

  @Test
  void neverThrowsIntoTheCaller() {
    client.close(Duration.ZERO);

    assertThat(outcome(linker.link("user_ada", "anon_ada_laptop"))).isEqualTo(Outcome.FAILED);
    assertThat(outcome(linker.link(" ", "anon_other"))).isEqualTo(Outcome.FAILED);
  }

  @Test
  void logsTheFirstConflictOnceWithoutTheIds(CapturedOutput output) {
    outcome(linker.link("user_ada", "anon_shared_pc"));

    linker.link("user_grace", "anon_shared_pc");
    linker.link("user_linus", "anon_shared_pc");

    assertThat(output.toString().split("did not link an anonymous id", -1)).hasSize(2);
    assertThat(output).doesNotContain("anon_shared_pc").doesNotContain("user_grace");
    assertThat(linker.conflictCount()).isEqualTo(2);
  }

  private static Outcome outcome(CompletableFuture<Outcome> link) {
    return link.orTimeout(10, TimeUnit.SECONDS).join();
  }

  private List<RecordedRequest> aliasRequests() {
    return emulator.requests().stream()
        .filter(request -> request.path().equals("/v1/identity/alias"))
        .toList();
  }

  /** Passes everything to the emulator, except that it answers the next aliases with an error. */
  private static final class FailingAliases implements Transport {

    private final Transport delegate = OkHttpTransport.create(Duration.ofSeconds(5));
    private final AtomicInteger toFail = new AtomicInteger();
    private volatile TransportResponse failure;

    void answerNextAliases(int count, int status, String type, String code) {
      byte[] body =
          ("{\"error\":{\"type\":\"" + type + "\",\"code\":\"" + code + "\",\"message\":\"no\"}}")
              .getBytes(StandardCharsets.UTF_8);
      failure = new TransportResponse(status, Map.of("content-type", "application/json"), body);
      toFail.set(count);
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
      if (request.url().endsWith("/identity/alias") && toFail.getAndDecrement() > 0) {
        return failure;
      }
      return delegate.execute(request);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
