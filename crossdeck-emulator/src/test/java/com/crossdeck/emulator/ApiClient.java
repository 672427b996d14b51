package com.crossdeck.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain HTTP client for driving the emulator in tests: {@code java.net.http}, never the Crossdeck
 * SDK, so the emulator is checked against the contract rather than against a client.
 */
final class ApiClient {

  static final String KEY = CrossdeckEmulator.TEST_SECRET_KEY;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String root;

  /** A client for the emulator whose timeline page is at {@code timelineUrl}. */
  ApiClient(String timelineUrl) {
    this.root =
        timelineUrl.endsWith("/")
            ? timelineUrl.substring(0, timelineUrl.length() - 1)
            : timelineUrl;
  }

  /** {@code POST /v1/events} with the test key and the given extra header name/value pairs. */
  Reply postEvents(String body, String... headers) {
    return postWithKey("/v1/events", body, headers);
  }

  /** {@code POST /v1/identity/alias} with the test key. */
  Reply alias(String body) {
    return postWithKey("/v1/identity/alias", body);
  }

  /** {@code POST path} with the test key and the given extra header name/value pairs. */
  Reply postWithKey(String path, String body, String... headers) {
    return send(request(path, headers).header("Authorization", "Bearer " + KEY).POST(body(body)));
  }

  /** {@code POST path} with only the given header name/value pairs (no key). */
  Reply post(String path, String body, String... headers) {
    return send(request(path, headers).POST(body(body)));
  }

  /** {@code POST path} to a control route: JSON, no key, plus the given header pairs. */
  Reply control(String path, String body, String... headers) {
    return send(request(path, headers).header("Content-Type", "application/json").POST(body(body)));
  }

  /** {@code GET path} with only the given header name/value pairs. */
  Reply get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  /** Sends any request; the path is relative to the emulator's root. */
  Reply send(HttpRequest.Builder request) {
    try {
      return new Reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The raw client, for tests that need to see transport failures themselves. */
  HttpClient http() {
    return http;
  }

  HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request;
  }

  private static HttpRequest.BodyPublisher body(String body) {
    return HttpRequest.BodyPublishers.ofString(body);
  }
}
