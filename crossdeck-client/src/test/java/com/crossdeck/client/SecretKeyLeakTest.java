package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretKeyLeakTest extends MockServerTest {

  private static final String KEY = "cd_sk_test_TOPSECRETvalue0123456789xyz";

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void captureLogs() {
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logs);
  }

  /** Every failure mode answers with a body that echoes the key, as a careless server might. */
  private static MockResponse echoingError(int status) {
    return new MockResponse.Builder()
        .code(status)
        .body(
            "{\"error\":{\"type\":\"authentication_error\",\"code\":\"invalid_api_key\","
                + "\"message\":\"key "
                + KEY
                + " is not valid\"}}")
        .build();
  }

  @Test
  void aFailingRunNeverRevealsTheKey() {
    List<MockResponse> eventResponses =
        new ArrayList<>(
            List.of(
                echoingError(401),
                echoingError(500),
                new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build()));
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public synchronized MockResponse dispatch(RecordedRequest request) {
            if (request.getUrl().encodedPath().endsWith("/sdk/heartbeat")) {
              return echoingError(401);
            }
            if (request.getBody().utf8().contains("\"sdk.boot\"")) {
              // The boot heartbeat's event (once the clock passes 10 s) is not part of the script.
              return new MockResponse.Builder().code(202).build();
            }
            return eventResponses.isEmpty()
                ? new MockResponse.Builder().code(202).build()
                : eventResponses.remove(0);
          }
        });
    RecordingListener listener = new RecordingListener();
    CrossdeckServer client =
        CrossdeckServer.builder(KEY)
            .baseUrl(baseUrl())
            .clock(clock)
            .random(new FixedJitter(0.5))
            .eventFlushBatchSize(1)
            .timeout(Duration.ofMillis(300))
            .flushOnExit(false)
            .listener(listener)
            .build();
    List<String> surfaces = new ArrayList<>();
    try {
      client.track(userEvent("rejected_by_401"));
      await().until(() -> listener.permanent.size() == 1);
      client.track(userEvent("retried"));
      await().until(() -> listener.failed.size() == 1);
      clock.advance(Duration.ofMinutes(2));
      await().until(() -> listener.failed.size() == 2);
      clock.advance(Duration.ofMinutes(2));
      // "retried", then the sdk.boot event queued behind it when the clock passed 10 s.
      await().until(() -> client.diagnostics().delivery().sent() == 2);
      CrossdeckException heartbeatError =
          catchThrowableOfType(CrossdeckException.class, client::heartbeat);
      await().until(() -> client.diagnostics().delivery().keyRejected());

      surfaces.add(heartbeatError.getMessage());
      surfaces.add(heartbeatError.toString());
      listener.failed.forEach(f -> surfaces.add(f.error().toString()));
      surfaces.add(client.toString());
      surfaces.add(client.diagnostics().toString());
      surfaces.add(client.diagnostics().toMap().toString());
      surfaces.add(client.track(Event.builder("").build()).message());
    } finally {
      client.close(Duration.ZERO);
    }
    for (ILoggingEvent event : logs.list) {
      surfaces.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        surfaces.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }

    assertThat(logs.list).as("the failures were logged").hasSizeGreaterThan(3);
    assertThat(String.join("\n", surfaces)).contains("cd_sk_test_****").doesNotContain(KEY);
  }
}
