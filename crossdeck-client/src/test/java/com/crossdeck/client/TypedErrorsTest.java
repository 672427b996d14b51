package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypedErrorsTest extends MockServerTest {

  @ParameterizedTest(name = "{0} {1}/{2}")
  @CsvSource({
    "400, invalid_request_error, invalid_param_value",
    "401, authentication_error, invalid_api_key",
    "403, permission_error, env_mismatch",
    "429, rate_limit_error, rate_limited",
    "500, internal_error, internal_error"
  })
  void surfacesTheServersErrorEnvelope(int status, String type, String code) {
    dispatcher.then(
        new MockResponse.Builder()
            .code(status)
            .setHeader("Retry-After", "7")
            .body(
                "{\"error\":{\"type\":\""
                    + type
                    + "\",\"code\":\""
                    + code
                    + "\",\"message\":\"nope\",\"param\":\"userId\",\"request_id\":\"req_9\"}}")
            .build());
    CrossdeckServer client = client();

    CrossdeckException error =
        catchThrowableOfType(CrossdeckException.class, () -> client.identify("u", "anon_1"));

    assertThat(error.status()).isEqualTo(status);
    assertThat(error.type()).isEqualTo(type);
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.getMessage()).isEqualTo("nope");
    assertThat(error.requestId()).contains("req_9");
    assertThat(error.param()).contains("userId");
    assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(error.isRetryable()).isEqualTo(status == 429 || status == 500);
  }

  @Test
  void derivesTypeAndCodeFromTheStatusWhenTheBodyIsNotAnErrorEnvelope() {
    dispatcher.then(
        new MockResponse.Builder()
            .code(403)
            .setHeader("x-request-id", "req_h")
            .body("<html>")
            .build());
    CrossdeckServer client = client();

    CrossdeckException error =
        catchThrowableOfType(CrossdeckException.class, () -> client.identify("u", "anon_1"));

    assertThat(error.type()).isEqualTo(ErrorCodes.TYPE_PERMISSION);
    assertThat(error.code()).isEqualTo("http_403");
    assertThat(error.requestId()).contains("req_h");
  }

  @Test
  void reportsATimeoutAsRequestTimeout() {
    dispatcher.then(
        new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CrossdeckServer client = client(options -> options.timeout(Duration.ofMillis(300)));

    CrossdeckException error =
        catchThrowableOfType(CrossdeckException.class, () -> client.identify("u", "anon_1"));

    assertThat(error.type()).isEqualTo(ErrorCodes.TYPE_NETWORK);
    assertThat(error.code()).isEqualTo(ErrorCodes.REQUEST_TIMEOUT);
    assertThat(error.isRetryable()).isTrue();
  }

  @Test
  void reportsConnectionRefusedAsFetchFailed() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    String closed = "http://127.0.0.1:" + port + "/v1";
    CrossdeckServer client = client(options -> options.baseUrl(closed));

    // A POST: one attempt, so the failure comes back at once (reads retry on this manual clock).
    CrossdeckException error =
        catchThrowableOfType(CrossdeckException.class, () -> client.identify("u", "anon_1"));

    assertThat(error.type()).isEqualTo(ErrorCodes.TYPE_NETWORK);
    assertThat(error.code()).isEqualTo(ErrorCodes.FETCH_FAILED);
    assertThat(error.status()).isZero();
  }
}
