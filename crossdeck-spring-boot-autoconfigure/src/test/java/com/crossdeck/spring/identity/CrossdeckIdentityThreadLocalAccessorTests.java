package com.crossdeck.spring.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/** The identity moved between threads by Micrometer's context propagation, as Reactor does. */
class CrossdeckIdentityThreadLocalAccessorTests {

  private final CarriedIdentity visitor =
      new CarriedIdentity(null, new RequestIdentity("anon_handle7", null));

  @Test
  void isRegisteredThroughServiceLoading() {
    assertThat(ContextRegistry.getInstance().getThreadLocalAccessors())
        .anySatisfy(
            accessor ->
                assertThat(accessor).isInstanceOf(CrossdeckIdentityThreadLocalAccessor.class));
  }

  @Test
  void restoresTheIdentityInReactorsHandleOnASchedulerThreadWithoutAutomaticPropagation() {
    String seen =
        Mono.delay(Duration.ofMillis(5))
            .<String>handle(
                (tick, sink) ->
                    sink.next(
                        RequestIdentity.current().map(RequestIdentity::anonymousId).orElse("none")
                            + " on "
                            + Thread.currentThread().getName()))
            .contextWrite(Context.of(CarriedIdentity.CONTEXT_KEY, visitor))
            .block(Duration.ofSeconds(5));

    assertThat(seen).startsWith("anon_handle7 on parallel-");
    assertThat(RequestIdentity.current()).isEmpty();
  }

  @Test
  @SuppressWarnings("try") // the scopes are held only to be closed
  void capturesAndRestoresTheCarriedUserWithTheRequestIdentity() throws Exception {
    ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
    ContextSnapshot snapshot;
    try (RequestIdentity.Scope scope = new CarriedIdentity("user_9", visitor.request()).bind()) {
      snapshot = snapshots.captureAll();
    }

    Optional<String> userId;
    Optional<RequestIdentity> request;
    try (ContextSnapshot.Scope restored = snapshot.setThreadLocals()) {
      userId = Optional.ofNullable(CarriedIdentity.carriedUserId());
      request = RequestIdentity.current();
    }

    assertThat(userId).contains("user_9");
    assertThat(request).contains(visitor.request());
    assertThat(CarriedIdentity.carriedUserId()).isNull();
    assertThat(RequestIdentity.current()).isEmpty();
  }
}
